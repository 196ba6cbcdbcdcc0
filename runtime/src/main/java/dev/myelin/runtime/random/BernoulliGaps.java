package dev.myelin.runtime.random;

/**
 * Spike steps of a neuron that spikes in each step independently with a fixed chance p (Brian2's
 * PoissonGroup, {@code rand() < rates*dt}): the number of steps from one step to the next spike is
 * geometric, so one uniform per spike finds it, where the direct way draws one per step. Over a
 * 350 ms presentation at dt 0.1 ms, an input at 8 Hz costs about 3 draws instead of 3500.
 *
 * <p>The next spike at or after step s is {@code s + floor(log(1 - u) / log(1 - p))}: the
 * probability that it comes k or more steps later is (1 - p)^k, as for k failed draws in a row.
 * StrictMath keeps the steps identical on every JVM.
 */
public final class BernoulliGaps {

    /** The step of a neuron that never spikes. */
    public static final long NEVER = Long.MAX_VALUE;

    /** Gaps beyond this many steps are treated as never (p below about 1e-17). */
    private static final double HORIZON = 0x1p60;

    private BernoulliGaps() {
    }

    /** {@code log(1 - p)}: negative infinity for p of 1 or more, 0 for p of 0 or less (or NaN). */
    public static double logStay(double p) {
        if (p >= 1) return Double.NEGATIVE_INFINITY;
        if (!(p > 0)) return 0;
        return StrictMath.log1p(-p);
    }

    /**
     * The first spike at or after step {@code from}, for a uniform {@code u} in [0, 1) and
     * {@code logStay} from {@link #logStay}; {@link #NEVER} if the chance is 0.
     */
    public static long next(long from, double logStay, double u) {
        if (!(logStay < 0)) return NEVER;
        double gap = StrictMath.log1p(-u) / logStay; // +0 or -0 when p >= 1: every step
        return gap < HORIZON ? from + (long) gap : NEVER;
    }
}
