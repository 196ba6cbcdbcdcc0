package dev.myelin.runtime.random;

/**
 * Binomial draws as Brian2's BinomialFunction makes them for PoissonInput: when n*p > 5 and
 * n*(1-p) > 5 the normal approximation {@code n*p + sqrt(n*p*(1-p)) * randn()} (a real number,
 * not rounded, as in Brian2), otherwise an exact draw by inversion of the distribution function.
 * Draws are keyed like every random number: (seed, stream, index, step).
 */
public final class Binomial {

    private final int n;
    private final double p;
    private final boolean normal;
    private final double loc;
    private final double scale;
    /** Inversion works on the smaller of p and 1-p, for speed and accuracy. */
    private final boolean reverse;
    private final double q0;
    private final double ratio;

    public Binomial(long n, double p) {
        if (n < 0 || n > Integer.MAX_VALUE || !(p >= 0 && p <= 1)) {
            throw new dev.myelin.runtime.ModelError("a Poisson input needs N >= 0 and rate*dt between 0 and 1, but N = " + n + " and rate*dt = " + p);
        }
        this.n = (int) n;
        this.p = p;
        this.normal = n * p > 5 && n * (1 - p) > 5;
        this.loc = n * p;
        this.scale = Math.sqrt(n * p * (1 - p));
        this.reverse = p > 0.5;
        double small = reverse ? 1 - p : p;
        this.q0 = Math.pow(1 - small, n);
        this.ratio = small / (1 - small);
    }

    public double sample(long seed, int stream, long index, long step) {
        if (normal) return CounterRng.normal(seed, stream, index, step, 0) * scale + loc;
        if (p == 0) return 0;
        if (p == 1) return n;
        double u = CounterRng.uniform(seed, stream, index, step, 1);
        int x = 0;
        double px = q0;
        double cumulative = px;
        while (u > cumulative && x < n) {
            px *= ratio * (n - x) / (x + 1);
            x++;
            cumulative += px;
        }
        return reverse ? n - x : x;
    }
}
