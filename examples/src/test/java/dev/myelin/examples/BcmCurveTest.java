package dev.myelin.examples;

import dev.myelin.compiler.driver.ModelCompiler;
import dev.myelin.runtime.Simulation;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * examples/bcm/bcm_curve.myl: the BCM weight change is LTD below the threshold and LTP above it,
 * and the threshold slides down after low activity and up after high activity, to the closed-form
 * solution of its linear equation.
 */
class BcmCurveTest {

    private static final double Y0 = 10;
    private static final double THETA0 = Y0;
    private static final double TAU_THETA = 1;
    private static final double Y_LOW = 5;
    private static final double Y_HIGH = 20;

    @Test
    void weightChangeChangesSignAtThetaAndThetaSlidesWithActivity() throws Exception {
        double tHist = 2; // seconds: two time constants, so theta is still on its way (not at steady state)
        Simulation sim = new ModelCompiler().compile(Path.of("bcm/bcm_curve.myl"))
                .instantiate(Map.of("T_hist", tHist + " second"), 1L);
        sim.runProtocol();
        Simulation.Saved curve = (Simulation.Saved) sim.saved().get("curve");
        Simulation.Saved theta = (Simulation.Saved) sim.saved().get("theta_hz");
        double[] c = (double[]) curve.values();
        double[] th = (double[]) theta.values();
        assertEquals(4, curve.columns());

        // theta(t) = target + (theta0 - target) exp(-t/tau), target = y**2/y0; exact integration.
        double lowTheta = th[0];
        double highTheta = th[1];
        assertEquals(closedForm(Y_LOW, tHist), lowTheta, 1e-9 * THETA0, "theta after low activity (Hz)");
        assertEquals(closedForm(Y_HIGH, tHist), highTheta, 1e-9 * THETA0, "theta after high activity (Hz)");
        assertTrue(lowTheta < THETA0 && THETA0 < highTheta, "low activity lowers theta, high activity raises it: "
                + lowTheta + " < " + THETA0 + " < " + highTheta);

        // Column 1: theta0; 2: after low; 3: after high. dw < 0 for 0 < y < theta, > 0 for y > theta.
        double[] thetas = {THETA0, lowTheta, highTheta};
        int rows = c.length / 4;
        for (int k = 0; k < 3; k++) {
            int crossings = 0;
            for (int r = 1; r < rows; r++) {
                double y = c[r * 4];
                double dw = c[r * 4 + 1 + k];
                if (Math.abs(y - thetas[k]) < 1e-9) {
                    assertEquals(0, dw, 1e-12, "dw at y = theta");
                    continue;
                }
                assertEquals(y < thetas[k] ? -1.0 : 1.0, Math.signum(dw), "sign of dw at y = " + y + " Hz, theta = " + thetas[k]);
                double previous = c[(r - 1) * 4 + 1 + k];
                if (r > 1 && Math.signum(previous) < 0 && dw > 0) crossings++;
            }
            assertTrue(crossings <= 1, "one change from LTD to LTP");
        }
    }

    private static double closedForm(double y, double t) {
        double target = y * y / Y0;
        return target + (THETA0 - target) * Math.exp(-t / TAU_THETA);
    }
}
