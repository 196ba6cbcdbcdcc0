import dev.myelin.api.Model;
import dev.myelin.api.Myelin;
import dev.myelin.api.Network;

import java.nio.file.Path;

/**
 * The f-I curve of a leaky integrate-and-fire neuron, simulated through Myelin's Java API and
 * compared with the closed form: each of ten neurons gets its own current, the network runs for one
 * second, and the spike counts are the rates. Then the network is restored to its start and run
 * again with the currents doubled.
 *
 * Run from the repository root (after ./myelin has built the project once):
 *   java -cp "cli/target/lib/*" examples/java-api/FiringRateCurve.java
 */
public final class FiringRateCurve {

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "examples/java-api/fi_curve.myl");
        Model model = new Myelin().compile(file);
        Network net = model.newNetwork();

        net.set("G.I", "0.25*nA + 0.05*nA*i");   // Brian2 code, checked against the model's units
        double[] currents = net.get("G.I");       // SI units: amperes
        net.store("start");
        net.run("1 second");
        long[] counts = net.spikeCounts("spikes");

        System.out.println("current_nA  rate_Hz  theory_Hz");
        for (int k = 0; k < counts.length; k++) {
            System.out.printf("%10.2f  %7d  %9.1f%n", currents[k] * 1e9, counts[k], theory(currents[k]));
        }

        // Back to t = 0 (variables, monitors), twice the currents, the same second again.
        net.restore("start");
        double[] doubled = currents.clone();
        for (int k = 0; k < doubled.length; k++) doubled[k] *= 2;
        net.set("G.I", doubled);
        net.run(1.0);
        double[][] v = net.trace("trace").of("v");
        System.out.printf("doubled currents: %d spikes in %.1f s; neuron 9's v peaked at %.1f mV%n",
                net.spikes("spikes").count(), net.t(), max(v[1]) * 1e3);
    }

    /** Rate of the LIF neuron above: refractory period plus the time from Vr to Vt under constant current. */
    static double theory(double current) {
        double tau = 10e-3, el = -70e-3, vt = -50e-3, vr = -65e-3, r = 100e6, refractory = 5e-3;
        double vInf = el + r * current;
        if (vInf <= vt) return 0;
        return 1 / (refractory + tau * Math.log((vInf - vr) / (vInf - vt)));
    }

    private static double max(double[] values) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : values) m = Math.max(m, x);
        return m;
    }
}
