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
 * {@link #uniform} use lane 0, {@link #normal} uses lanes 1 and 2.
 */
public final class CounterRng {

    private static final long GAMMA = 0x9E3779B97F4A7C15L;
    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;
    private static final double TWO_PI = 2 * Math.PI;

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

    /**
     * A standard normal double, by the Box-Muller transform of two uniforms from lanes 1 and 2.
     * The radius uses a uniform in (0, 1], never 0, so the result is always finite (|z| &lt; 8.6).
     * StrictMath makes the value bit-identical on every JVM and platform, not only on this one.
     */
    public static double normal(long seed, int stream, long index, long step, int callSite) {
        long prefix = prefix(seed, stream, index, step, callSite);
        double radiusUniform = ((mix(prefix ^ GAMMA) >>> 11) + 1) * TWO_POW_MINUS_53;
        double angleUniform = (mix(prefix ^ (2 * GAMMA)) >>> 11) * TWO_POW_MINUS_53;
        return Math.sqrt(-2 * StrictMath.log(radiusUniform)) * StrictMath.cos(TWO_PI * angleUniform);
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
