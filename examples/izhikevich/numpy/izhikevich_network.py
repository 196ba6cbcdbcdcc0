"""The 1000-neuron network of Izhikevich (2003) in NumPy, following the loop of the MATLAB code
printed in the paper, to give the statistics that IzhikevichNetworkTest checks Myelin against.

    python3 examples/izhikevich/numpy/izhikevich_network.py            # 30 seeds of 2 s
    python3 examples/izhikevich/numpy/izhikevich_network.py --stats results/izhikevich_network 2000

The second form computes the same statistics from a Myelin results directory.
"""
import sys
import numpy as np


def simulate(seed, steps=2000, n_exc=800, n_inh=200):
    """Spike steps and neuron indices of one run (1 ms steps)."""
    rng = np.random.default_rng(seed)
    r_exc, r_inh = rng.random(n_exc), rng.random(n_inh)
    a = np.r_[np.full(n_exc, 0.02), 0.02 + 0.08 * r_inh]
    b = np.r_[np.full(n_exc, 0.2), 0.25 - 0.05 * r_inh]
    c = np.r_[-65 + 15 * r_exc**2, np.full(n_inh, -65.0)]
    d = np.r_[8 - 6 * r_exc**2, np.full(n_inh, 2.0)]
    n = n_exc + n_inh
    weights = np.c_[0.5 * rng.random((n, n_exc)), -rng.random((n, n_inh))]  # [target, source]
    v = np.full(n, -65.0)
    u = b * v
    steps_out, index_out = [], []
    for step in range(steps):
        current = np.r_[5 * rng.standard_normal(n_exc), 2 * rng.standard_normal(n_inh)]
        fired = np.flatnonzero(v >= 30)
        steps_out.append(np.full(fired.size, step))
        index_out.append(fired)
        v[fired] = c[fired]
        u[fired] += d[fired]
        current += weights[:, fired].sum(axis=1)
        for _ in range(2):  # two half steps for v, as in the paper
            v = v + 0.5 * (0.04 * v**2 + 5 * v + 140 - u + current)
        u = u + a * (b * v - u)
    return np.concatenate(steps_out), np.concatenate(index_out)


def statistics(steps, indices, duration, n_exc=800, skip=200):
    """Excitatory rate (Hz) and the population count's mean periodogram in three bands, in units
    of its mean (the flat level of a Poisson population with the same rate)."""
    count = np.bincount(steps[steps >= skip] - skip, minlength=duration - skip).astype(float)
    mean = count.mean()
    power = np.abs(np.fft.rfft(count - mean))**2 / count.size / mean
    freq = np.fft.rfftfreq(count.size, 1e-3)
    band = lambda lo, hi: float(power[(freq >= lo) & (freq < hi)].mean())
    # the lag (ms) of the autocorrelation's highest peak between 50 and 200 ms: the rhythm's period
    auto = np.correlate(count - mean, count - mean, "full")[count.size - 1:]
    return {"rate_exc_hz": float((indices < n_exc).sum() / n_exc / (duration / 1000)),
            "power_5_15_hz": band(5, 15), "power_30_50_hz": band(30, 50), "power_200_500_hz": band(200, 500),
            "autocorrelation_peak_ms": float(50 + np.argmax(auto[50:200]))}


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--stats":
        folder, duration = sys.argv[2], int(sys.argv[3])
        steps = np.round(np.load(folder + "/spikes_t.npy") * 1000).astype(int)
        print(statistics(steps, np.load(folder + "/spikes_i.npy"), duration))
        return
    runs = [statistics(*simulate(seed), 2000) for seed in range(100, 130)]
    for key in runs[0]:
        values = np.array([run[key] for run in runs])
        print(f"{key}: mean {values.mean():.3f} sd {values.std(ddof=1):.3f} min {values.min():.3f} max {values.max():.3f}")


if __name__ == "__main__":
    main()
