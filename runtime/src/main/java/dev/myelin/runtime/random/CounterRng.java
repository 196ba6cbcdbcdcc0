package dev.myelin.runtime.random;

/**
 * Counter-based random numbers: each draw is a pure function of
 * {@code (seed, stream, index, step, callSite)}, so results do not depend on thread count,
 * iteration order or how many draws other code made, and a run resumed from a checkpoint
 * continues with the same numbers.
 *
 * <p>Construction. The key is absorbed one 64-bit word at a time into a hash state {@code h}:
 * <pre>
 *   h = mix(seed + GAMMA)
 *   h = mix(h ^ (word * GAMMA))   for word in: stream &lt;&lt; 32 | callSite, index, step, lane
 * </pre>
 * where {@code mix} is the 64-bit finaliser of SplitMix64 (Stafford's "mix13": xor-shift,
 * multiply, xor-shift, multiply, xor-shift), a bijection with full avalanche, and {@code GAMMA}
 * is the odd constant 2^64 / golden ratio. Multiplying each word by {@code GAMMA} first spreads
 * counter-like words (0, 1, 2, ...) over all 64 bits, as SplitMix64 does with its counter. The
 * {@code lane} word separates the independent values one draw needs: {@link #bits} and
 * {@link #uniform} use lane 0, {@link #normal} lanes 1, 2, 3, ... as it needs them.
 *
 * <p>Normals come from the ziggurat method (Marsaglia and Tsang 2000, with Doornik's 2005
 * correction: the strip's index and the uniform from separate bits): 128 strips under the density,
 * one 64-bit word gives a strip and a point, and 98.8% of the points fall inside their strip's
 * rectangle and are returned after one multiplication. The rest go through the wedge test or the
 * tail, with more words. The tables and the rare paths use StrictMath, so every value is
 * bit-identical on every JVM and platform.
 */
public final class CounterRng {

    private static final long GAMMA = 0x9E3779B97F4A7C15L;
    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;
    private static final double TWO_POW_MINUS_52 = 0x1.0p-52;

    private CounterRng() {
    }

    /** 64 random bits for this key. */
    public static long bits(long seed, int stream, long index, long step, int callSite) {
        return laneBits(seed, stream, index, step, callSite, 0);
    }

    /** A uniform double in [0, 1): 53 random bits scaled by 2^-53. */
    public static double uniform(long seed, int stream, long index, long step, int callSite) {
        return (bits(seed, stream, index, step, callSite) >>> 11) * TWO_POW_MINUS_53;
    }

    /** A standard normal double (ziggurat; see the class comment). */
    public static double normal(long seed, int stream, long index, long step, int callSite) {
        long prefix = prefix(seed, stream, index, step, callSite);
        long word = mix(prefix ^ GAMMA);
        int strip = (int) (word & (STRIPS - 1));
        double u = (word >>> 11) * TWO_POW_MINUS_52 - 1; // in [-1, 1), from bits the strip does not use
        if (Math.abs(u) < INSIDE[strip]) return u * X[strip];
        return normalOutside(prefix, strip, u);
    }

    /** The 1.2% of draws whose point is outside its strip's rectangle: wedge test, tail, or a new point. */
    private static double normalOutside(long prefix, int strip, double u) {
        long lane = 2;
        while (true) {
            if (strip == 0) {
                // Beyond R (Marsaglia 1964): x = -log(U1)/R while -2 log(U2) < x^2.
                double x, y;
                do {
                    x = StrictMath.log(positiveUniform(prefix, lane++)) / TAIL;
                    y = StrictMath.log(positiveUniform(prefix, lane++));
                } while (-2 * y < x * x);
                return u < 0 ? x - TAIL : TAIL - x;
            }
            double x = u * X[strip];
            double f0 = StrictMath.exp(-0.5 * (X[strip] * X[strip] - x * x));
            double f1 = StrictMath.exp(-0.5 * (X[strip + 1] * X[strip + 1] - x * x));
            if (f1 + positiveUniform(prefix, lane++) * (f0 - f1) < 1.0) return x;
            long word = mix(prefix ^ (lane++ * GAMMA));
            strip = (int) (word & (STRIPS - 1));
            u = (word >>> 11) * TWO_POW_MINUS_52 - 1;
            if (Math.abs(u) < INSIDE[strip]) return u * X[strip];
        }
    }

    /** A uniform in (0, 1], never 0 (a logarithm's argument), from lane {@code lane}. */
    private static double positiveUniform(long prefix, long lane) {
        return ((mix(prefix ^ (lane * GAMMA)) >>> 11) + 1) * TWO_POW_MINUS_53;
    }

    private static final int STRIPS = 128;
    /** Where the tail begins, and the area of each strip (Marsaglia and Tsang's constants for 128). */
    private static final double TAIL = 3.442619855899;
    private static final double AREA = 9.91256303526217e-3;
    /** X[k]: the right edge of strip k (X[0]: the base strip's width as a rectangle), X[128] = 0. */
    private static final double[] X = new double[STRIPS + 1];
    /** X[k + 1] / X[k]: a point of strip k with |u| below it is under the density. */
    private static final double[] INSIDE = new double[STRIPS];

    static {
        double f = StrictMath.exp(-0.5 * TAIL * TAIL);
        X[0] = AREA / f;
        X[1] = TAIL;
        for (int k = 2; k < STRIPS; k++) {
            X[k] = StrictMath.sqrt(-2 * StrictMath.log(AREA / X[k - 1] + f));
            f = StrictMath.exp(-0.5 * X[k] * X[k]);
        }
        X[STRIPS] = 0;
        for (int k = 0; k < STRIPS; k++) INSIDE[k] = X[k + 1] / X[k];
    }

    private static long laneBits(long seed, int stream, long index, long step, int callSite, long lane) {
        return mix(prefix(seed, stream, index, step, callSite) ^ (lane * GAMMA));
    }

    /** The state after absorbing everything but the lane, shared by the lanes of one draw. */
    private static long prefix(long seed, int stream, long index, long step, int callSite) {
        long streamAndSite = ((long) stream << 32) | (callSite & 0xFFFF_FFFFL);
        long h = mix(seed + GAMMA);
        h = mix(h ^ (streamAndSite * GAMMA));
        h = mix(h ^ (index * GAMMA));
        return mix(h ^ (step * GAMMA));
    }

    /** SplitMix64's finaliser (Stafford variant 13). */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
