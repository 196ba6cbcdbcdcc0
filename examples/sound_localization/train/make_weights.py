#!/usr/bin/python3
"""Makes the weight files of dale_network.myl (weights/*.npy), with numpy only.

Run from the repository root:  /usr/bin/python3 examples/sound_localization/train/make_weights.py

1. Input -> hidden is constructed, not learned. Hidden neuron h pools n_pool left fibres around
   phase (90 + b_h)/2 degrees and n_pool right fibres around (90 - b_h)/2, so the two pools'
   envelopes line up when the IPD is b_h; b_h spreads over [-90, 90], the IPDs that the fibres'
   phase delays (0 to 90 degrees) can compensate. All fibres are excitatory (sign_in = +1).
   Every 4th hidden neuron is inhibitory (sign_hidden = -1), the others excitatory.
2. Myelin runs dale_network.myl on n_train training presentations (IPDs from another stretch of
   the model's golden-ratio sequence than the test's, another seed) and records the hidden spikes.
3. The output weights are a softmax regression of the class on the hidden rates of each
   presentation, by projected gradient descent that keeps every hidden neuron's outgoing weights
   of its own sign (Dale's law): W[h, :] = sign_hidden[h] * A[h, :], A >= 0.
4. The output neurons integrate silently during a presentation (v = 0 at its start) and then
   spike out their sum, one spike per step, while the fibres are silenced (T_read): output k
   fires about sum_h W[h, k] * n_h + bias_k * T_pres spikes (n_h the hidden counts), at most
   T_read/dt. The scores are mapped onto these counts linearly, count = alpha * score + beta,
   so that the training set's winners (1st to 99th percentile) fire from WINNER_LOW to
   WINNER_HIGH spikes.

The environment variables N_HIDDEN, N_POOL, W_IN, N_TRAIN and L2 override the defaults (for
trying other layers; pass the same n_hidden to the model); REUSE=1 refits on the hidden spikes
of the last training run in train/results/ without running Myelin again. With the defaults the
files come out byte for byte the same every time (fixed seed).
"""
import json
import os
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.dirname(HERE)
ROOT = os.path.dirname(os.path.dirname(EXAMPLE))
WEIGHTS = os.path.join(EXAMPLE, "weights")
MODEL = os.path.join(EXAMPLE, "dale_network.myl")

N_FIBRES = 100        # per ear, as in the model
N_CLASSES = 12
N_HIDDEN = int(os.environ.get("N_HIDDEN", 48))         # the model's param n_hidden
N_POOL = int(os.environ.get("N_POOL", 9))            # fibres per ear pooled by one hidden neuron
W_IN = float(os.environ.get("W_IN", 0.13))           # |w| of a pooled fibre (threshold 1, tau_hidden 1 ms)
N_TRAIN = int(os.environ.get("N_TRAIN", 720))         # 60 presentations per class on average
TRAIN_OFFSET = 1000.5 # the test sequence starts at 0.5: other IPDs
TRAIN_SEED = 101
T_SETTLE = 0.020      # s, the model's T_settle and T_pres
T_PRES = 0.200
T_READ = 0.040
TAU_HIDDEN = "1ms"    # the model's param tau_hidden, passed to the training run
WINNER_LOW = 20      # spikes of the winner, 1st percentile of the training set
WINNER_HIGH = 360    # 99th percentile; T_read/dt = 400 is the most an output can fire


def input_weights():
    w = np.zeros((2 * N_FIBRES, N_HIDDEN))
    best = -90 + 180 * (np.arange(N_HIDDEN) + 0.5) / N_HIDDEN
    for h, b in enumerate(best):
        for ear, phase in ((0, (90 + b) / 2), (1, (90 - b) / 2)):
            centre = int(round(phase / 90 * (N_FIBRES - 1)))
            lo = min(max(centre - N_POOL // 2, 0), N_FIBRES - N_POOL)
            w[ear * N_FIBRES + lo: ear * N_FIBRES + lo + N_POOL, h] = W_IN
    sign_in = np.ones(2 * N_FIBRES)
    sign_hidden = np.where(np.arange(N_HIDDEN) % 4 == 3, -1.0, 1.0)
    return w, sign_in, sign_hidden


def save(name, array):
    np.save(os.path.join(WEIGHTS, name), np.asarray(array, dtype=np.float64))


def record_hidden(out_dir):
    """Runs the model on the training presentations; returns hidden rates (presentations x hidden) and classes."""
    cmd = [os.path.join(ROOT, "myelin"), "run", MODEL, "--out", out_dir, "--seed", str(TRAIN_SEED),
           "--set", f"n_test={N_TRAIN}", "--set", f"ipd_offset={TRAIN_OFFSET}", "--set", f"n_hidden={N_HIDDEN}", "--set", f"tau_hidden={TAU_HIDDEN}"]
    if os.environ.get("REUSE") and os.path.exists(os.path.join(out_dir, "presentations.npy")):
        print("REUSE: reading the hidden spikes of the last training run in", out_dir, flush=True)
    else:
        print(" ".join(cmd), flush=True)
        subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    i = np.load(os.path.join(out_dir, "hidden_spikes_i.npy"))
    t = np.load(os.path.join(out_dir, "hidden_spikes_t.npy"))
    table = np.load(os.path.join(out_dir, "presentations.npy"))
    period = T_SETTLE + T_PRES + T_READ
    k = np.floor(t / period + 1e-9).astype(int)
    phase = t - k * period
    counted = (phase >= T_SETTLE - 1e-9) & (phase < T_SETTLE + T_PRES - 1e-9)
    counts = np.zeros((N_TRAIN, N_HIDDEN))
    np.add.at(counts, (k[counted], i[counted]), 1)
    return counts / T_PRES, table[:, 1].astype(int)


def fit(rates, classes, sign_hidden, steps=4000, lr=0.5, l2=float(os.environ.get("L2", 1e-3))):
    """Softmax regression with W[h, :] of sign sign_hidden[h]; returns W (on raw rates) and bias."""
    scale = rates.std(axis=0) + 1e-9
    mean = rates.mean(axis=0)
    x = (rates - mean) / scale
    y = np.eye(N_CLASSES)[classes]
    a = np.zeros((N_HIDDEN, N_CLASSES))    # weights on standardised rates, before the sign
    b = np.zeros(N_CLASSES)
    s = sign_hidden[:, None]
    for _ in range(steps):
        z = x @ (s * a) + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - y) / len(x)
        a -= lr * (s * (x.T @ g) + l2 * a)
        a = np.maximum(a, 0)               # Dale's law: project onto the sign constraint
        b -= lr * g.sum(axis=0)
    w = (s * a) / scale[:, None]           # back to raw rates: sign kept, scale > 0
    bias = b - mean @ w
    return w, bias


def main():
    os.makedirs(WEIGHTS, exist_ok=True)
    w_in, sign_in, sign_hidden = input_weights()
    save("w_in.npy", w_in)
    save("sign_in.npy", sign_in)
    save("sign_hidden.npy", sign_hidden)
    # The output layer does not act back on the hidden one: any output weights will do for recording.
    save("w_out.npy", np.zeros((N_HIDDEN, N_CLASSES)))
    save("bias_out.npy", np.zeros(N_CLASSES))

    rates, classes = record_hidden(os.path.join(HERE, "results"))
    w, bias = fit(rates, classes, sign_hidden)
    scores = rates @ w + bias
    train_acc = float(np.mean(scores.argmax(axis=1) == classes))
    top2 = np.sort(scores, axis=1)[:, -2:]
    low, high = np.percentile(top2[:, 1], [1, 99])
    alpha = (WINNER_HIGH - WINNER_LOW) / (high - low)
    beta = WINNER_LOW - alpha * low
    # alpha*score + beta = counts @ w_out + bias_out*T_pres, with counts = rates*T_pres
    w_out = alpha * w / T_PRES
    bias_out = (alpha * bias + beta) / T_PRES
    assert np.all(np.sign(w_out) * sign_hidden[:, None] >= 0)
    save("w_out.npy", np.abs(w_out))
    save("bias_out.npy", bias_out)
    summary = {"n_train": N_TRAIN, "train_offset": TRAIN_OFFSET, "train_seed": TRAIN_SEED,
               "regression_train_accuracy": train_acc, "alpha": float(alpha), "beta": float(beta),
               "median_gap_spikes": float(alpha * np.median(top2[:, 1] - top2[:, 0]))}
    with open(os.path.join(WEIGHTS, "made_by.json"), "w") as f:
        json.dump(summary, f, indent=2)
    print(json.dumps(summary), flush=True)


if __name__ == "__main__":
    sys.exit(main())
