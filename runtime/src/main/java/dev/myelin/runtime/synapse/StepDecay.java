package dev.myelin.runtime.synapse;

/**
 * {@code exp(-rate * elapsed)} for the event-driven update of a synaptic trace, where elapsed is
 * the time since the synapse's last event: almost always a whole number k of steps, so the value
 * is the product of two table entries, {@code exp(-rate*dt*(k mod 1024))} and
 * {@code exp(-rate*dt*1024*(k div 1024))} (within two ulps of exp), instead of an exp call per
 * trace and event. Elapsed times that are not whole steps, or beyond the tables, call exp.
 *
 * <p>The rate comes with each call, because it may be an expression of values the protocol sets
 * between runs; the tables are rebuilt when it changes.
 */
public final class StepDecay {

    private static final int LOW_BITS = 10;
    private static final int LOW = 1 << LOW_BITS;
    /** Enough high entries for 4M steps, or until the value underflows to 0, whichever is first. */
    private static final int MAX_HIGH = 4096;

    private final double dt;
    private final double perDt;
    private double rate = Double.NaN;
    private final double[] low = new double[LOW];
    private double[] high = new double[0];
    private long limit;

    public StepDecay(double dt) {
        this.dt = dt;
        this.perDt = 1 / dt;
    }

    public double of(double rate, double elapsed) {
        if (rate != this.rate) rebuild(rate);
        double steps = elapsed * perDt;
        long k = (long) (steps + 0.5);
        if (k < limit && Math.abs(steps - k) < 1e-6) return low[(int) k & (LOW - 1)] * high[(int) (k >>> LOW_BITS)];
        return Math.exp(-rate * elapsed);
    }

    /** {@code exp(-rate * steps * dt)} for a whole number of steps (from the same tables as {@link #of}). */
    public double ofSteps(double rate, long steps) {
        if (rate != this.rate) rebuild(rate);
        if (steps >= 0 && steps < limit) return low[(int) steps & (LOW - 1)] * high[(int) (steps >>> LOW_BITS)];
        return Math.exp(-rate * (steps * dt));
    }

    /** {@code exp(-rate * (t - set))}, or 0 when {@code set} is -infinity (never set): a trace kept as the time it was set to 1. */
    public double since(double rate, double t, double set) {
        return set == Double.NEGATIVE_INFINITY ? 0 : of(rate, t - set);
    }

    private void rebuild(double rate) {
        this.rate = rate;
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            limit = 0; // negative, infinite or NaN rates: always exp, as Brian2 computes it
            return;
        }
        for (int k = 0; k < LOW; k++) low[k] = Math.exp(-rate * (k * dt));
        int n = 1;
        while (n < MAX_HIGH && Math.exp(-rate * ((double) n * LOW * dt)) > 0) n++;
        high = new double[n];
        for (int j = 0; j < n; j++) high[j] = Math.exp(-rate * ((double) j * LOW * dt));
        limit = (long) n * LOW;
    }
}
