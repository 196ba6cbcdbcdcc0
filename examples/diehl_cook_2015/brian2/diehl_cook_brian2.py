#!/usr/bin/python3
"""Brian2 reference run of Diehl & Cook (2015) on a fixed MNIST split.

The network and the presentation protocol are those of Brian2's own example
examples/frompapers/Diehl_Cook_2015.py (brian-team/brian2, commit 71c84ea8,
see README.md in this folder for a line-by-line account).  What differs from
the example is only the data and the bookkeeping:

  * MNIST is read from the gzipped idx files in examples/data (10,000 digits);
  * train on samples [0, n_train) in order, label the neurons on samples
    [0, n_observe) with theta and the weights frozen, test on samples
    [test_start, test_start + n_test) in order (the example draws its test
    digits at random, with replacement, from the t10k file);
  * the three phases run in one process, but each phase builds a fresh
    network after seed(seed), exactly as the example's three separate runs
    (MODE = train / observe / test) each do;
  * labels are read correctly (the example's read_mnist skips only 4 of the
    8 header bytes of the label file, which shifts every label by 4);
  * a class to which no neuron is assigned is never predicted (the example
    takes the mean of an empty array, NaN, which np.argmax would then pick).

Usage:
  /usr/bin/python3 diehl_cook_brian2.py --n-train 3000 --n-observe 1000 \
      --n-test 1000 --seed 1 --target cython --out runs/seed1
"""
import argparse
import gzip
import json
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np

T_START = time.time()

# Constants of the example (Diehl_Cook_2015.py lines 54-62).
N_INP = 784
N_NEURONS = 400
INTENSITY = 2
W_EXC_INH = 10.4
W_INH_EXC = 17.0
TOTAL_WEIGHT = 78.0

HERE = Path(__file__).resolve().parent
DATA_DIR = HERE.parent.parent / 'data'


def log(msg):
    sys.stderr.write('[%8.1f s] %s\n' % (time.time() - T_START, msg))
    sys.stderr.flush()


def read_idx(path):
    """Read a (gzipped or plain) idx file into a numpy array."""
    opener = gzip.open if str(path).endswith('.gz') else open
    with opener(path, 'rb') as f:
        raw = f.read()
    magic = int.from_bytes(raw[0:4], 'big')
    assert raw[0] == 0 and raw[1] == 0 and raw[2] == 0x08, 'not ubyte idx: %r' % path
    ndim = magic & 0xFF
    dims = [int.from_bytes(raw[4 + 4 * k:8 + 4 * k], 'big') for k in range(ndim)]
    data = np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim)
    assert data.size == int(np.prod(dims)), (path, dims, data.size)
    return data.reshape(dims)


def read_mnist(images_path, labels_path):
    images = read_idx(images_path)
    labels = read_idx(labels_path)
    assert images.shape[0] == labels.shape[0]
    # As in the example (line 85): pixel values divided by 8 -> rates in Hz
    # before multiplication by the intensity.
    x = images.reshape(images.shape[0], -1) / 8.0
    y = labels.astype(np.int64)
    return x, y


def build_network(training, weights=None, theta_init=None):
    """The example's build_network (lines 89-183), with theta/weights passed in."""
    from brian2 import (Equations, NeuronGroup, Synapses, PoissonGroup,
                        SpikeMonitor, Network, mV, ms, Hz, volt)
    V_EXC_REST = -65 * mV
    V_INH_REST = -60 * mV
    eqs = '''
    dv/dt = (v_rest - v + i_exc + i_inh) / tau_mem  : volt (unless refractory)
    i_exc = ge * -v                         : volt
    i_inh = gi * (v_inh_base - v)           : volt
    dge/dt = -ge/(1 * ms)                   : 1
    dgi/dt = -gi/(2 * ms)                   : 1
    dtimer/dt = 1                           : second
    '''
    reset = 'v = %r; timer = 0 * ms' % V_EXC_REST
    if training:
        exc_eqs = eqs + '''
        dtheta/dt = -theta / (1e7 * ms)         : volt
        '''
        arr_theta = np.ones(N_NEURONS) * 20 * mV
        reset += '; theta += 0.05 * mV'
    else:
        exc_eqs = eqs + '''
        theta                                   : volt
        '''
        arr_theta = np.asarray(theta_init) * volt
    exc_eqs = Equations(exc_eqs,
                        tau_mem=100 * ms,
                        v_rest=V_EXC_REST,
                        v_inh_base=-100 * mV)
    # Membrane clamped for 5 ms, spikes prevented for 50 ms (example lines 114-119).
    ng_exc = NeuronGroup(
        N_NEURONS, exc_eqs,
        threshold='v > (theta - 72 * mV) and (timer > 50 * ms)',
        refractory=5 * ms,
        reset=reset,
        method='euler',
        name='exc')
    ng_exc.v = V_EXC_REST
    ng_exc.theta = arr_theta

    inh_eqs = Equations(eqs,
                        tau_mem=10 * ms,
                        v_rest=V_INH_REST,
                        v_inh_base=-85 * mV)
    ng_inh = NeuronGroup(N_NEURONS, inh_eqs,
                         threshold='v > -40 * mV',
                         refractory=2 * ms,
                         reset='v = -45 * mV',
                         method='euler',
                         name='inh')
    ng_inh.v = V_INH_REST

    syns_exc_inh = Synapses(ng_exc, ng_inh,
                            on_pre='ge_post += %f' % W_EXC_INH)
    syns_exc_inh.connect(j='i')

    syns_inh_exc = Synapses(ng_inh, ng_exc,
                            on_pre='gi_post += %f' % W_INH_EXC)
    syns_inh_exc.connect('i != j')

    pg_inp = PoissonGroup(N_INP, 0 * Hz, name='inp')

    model = 'w : 1'
    on_post = ''
    on_pre = 'ge_post += w'
    if training:
        on_pre += '; pre = 1.; w = clip(w - 0.0001 * post1, 0, 1.0)'
        on_post += ('post2bef = post2; w = clip(w + 0.01 * pre * post2bef, 0, 1.0); '
                    'post1 = 1.; post2 = 1.')
        model += '''
        post2bef                        : 1
        dpre/dt   = -pre/(20 * ms)      : 1 (event-driven)
        dpost1/dt = -post1/(20 * ms)    : 1 (event-driven)
        dpost2/dt = -post2/(40 * ms)    : 1 (event-driven)
        '''
        weights = (np.random.random(N_INP * N_NEURONS) + 0.01) * 0.3
    else:
        weights = np.asarray(weights).reshape(-1)

    syns_inp_exc = Synapses(pg_inp, ng_exc, model=model, on_pre=on_pre,
                            on_post=on_post, name='inp_exc')
    syns_inp_exc.connect(True)
    syns_inp_exc.delay = 'rand() * 10 * ms'
    syns_inp_exc.w = weights

    exc_mon = SpikeMonitor(ng_exc, name='sp_exc')
    net = Network([pg_inp, ng_exc, ng_inh,
                   syns_inp_exc, syns_exc_inh, syns_inh_exc, exc_mon])
    net.run(0 * ms)
    # The example's normalisation reshapes w to (784, 400): check the synapse order.
    ii = np.asarray(syns_inp_exc.i[:])
    jj = np.asarray(syns_inp_exc.j[:])
    assert np.array_equal(ii, np.repeat(np.arange(N_INP), N_NEURONS))
    assert np.array_equal(jj, np.tile(np.arange(N_NEURONS), N_INP))
    return net


def show_sample(net, sample, intensity, stats):
    """The example's show_sample (lines 185-198), iterative, counting attempts."""
    from brian2 import Hz, ms
    exc_mon = net['sp_exc']
    while True:
        prev = np.array(exc_mon.count[:])
        net['inp'].rates = sample * intensity * Hz
        net.run(350 * ms)
        nxt = np.array(exc_mon.count[:])
        net['inp'].rates = 0 * Hz
        net.run(150 * ms)
        stats['attempts'] += 1
        pat = nxt - prev
        if np.sum(pat) < 5:
            intensity += 1
            continue
        stats['max_intensity'] = max(stats['max_intensity'], intensity)
        return pat


def normalize_plastic_weights(syns):
    """The example's normalize_plastic_weights (lines 222-227)."""
    conns = np.reshape(syns.w, (N_INP, N_NEURONS))
    col_sums = np.sum(conns, axis=0)
    factors = TOTAL_WEIGHT / col_sums
    conns *= factors
    syns.w = conns.reshape(-1)


def class_means(groups, counts):
    """Mean count of each class's assigned neurons; -inf for an empty class."""
    return np.array([counts[g].mean() if len(g) else -np.inf for g in groups])


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--n-train', type=int, default=3000)
    ap.add_argument('--n-observe', type=int, default=1000)
    ap.add_argument('--n-test', type=int, default=1000)
    ap.add_argument('--test-start', type=int, default=8000)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--target', choices=['cython', 'numpy'], default='cython')
    ap.add_argument('--images', default=str(DATA_DIR / 'mnist-10k-images-idx3-ubyte.gz'))
    ap.add_argument('--labels', default=str(DATA_DIR / 'mnist-10k-labels-idx1-ubyte.gz'))
    ap.add_argument('--out', required=True)
    ap.add_argument('--progress', type=int, default=100,
                    help='print progress every this many samples')
    args = ap.parse_args()

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    import brian2
    from brian2 import prefs, seed, defaultclock, mV, volt, ms
    prefs.codegen.target = args.target
    log('brian2 %s, target %s, dt %s' % (brian2.__version__, args.target, defaultclock.dt))

    X, Y = read_mnist(args.images, args.labels)
    n_data = X.shape[0]
    assert args.n_train <= n_data and args.n_observe <= n_data
    assert args.test_start + args.n_test <= n_data
    log('MNIST: %d samples from %s' % (n_data, args.images))

    metrics = {
        'command': ' '.join([sys.executable] + sys.argv),
        'seed': args.seed,
        'target': args.target,
        'brian2_version': brian2.__version__,
        'numpy_version': np.__version__,
        'python_version': platform.python_version(),
        'machine': platform.machine(),
        'dt_ms': float(defaultclock.dt / ms),
        'example': 'brian-team/brian2 examples/frompapers/Diehl_Cook_2015.py @ 71c84ea8',
        'images': args.images,
        'labels': args.labels,
        'split': {'train': [0, args.n_train], 'observe': [0, args.n_observe],
                  'test': [args.test_start, args.test_start + args.n_test]},
        'n_train': args.n_train, 'n_observe': args.n_observe, 'n_test': args.n_test,
    }

    def run_phase(name, net, indices, counts_out, extra=None):
        stats = {'attempts': 0, 'max_intensity': INTENSITY}
        t0 = time.time()
        for k, ix in enumerate(indices):
            if name == 'train':
                normalize_plastic_weights(net['inp_exc'])
            counts_out[k] = show_sample(net, X[ix], INTENSITY, stats)
            if extra is not None:
                extra(k, ix, counts_out[k])
            done = k + 1
            if done % args.progress == 0 or done == len(indices):
                el = time.time() - t0
                msg = ('%s %d/%d: %.3f s/sample, attempts %d, mean spikes %.1f'
                       % (name, done, len(indices), el / done, stats['attempts'],
                          counts_out[:done].sum() / done))
                if name == 'train':
                    th = np.asarray(net['exc'].theta[:]) / mV
                    msg += ', theta mean %.3f mV max %.3f mV' % (th.mean(), th.max())
                log(msg)
        wall = time.time() - t0
        return wall, stats

    # ---------------- training ----------------
    seed(args.seed)
    t0 = time.time()
    net = build_network(True)
    build_train = time.time() - t0
    w_init = np.array(net['inp_exc'].w[:]).reshape(N_INP, N_NEURONS)
    np.save(out / 'weights_initial.npy', w_init)
    log('training network built in %.1f s' % build_train)
    train_counts = np.zeros((args.n_train, N_NEURONS), dtype=np.int32)
    wall_train, st_train = run_phase('train', net, range(args.n_train), train_counts)
    weights = np.array(net['inp_exc'].w[:]).reshape(N_INP, N_NEURONS)
    theta = np.array(net['exc'].theta[:])  # in volt (plain float array)
    sim_t_train = float(net.t / ms)
    np.save(out / 'weights.npy', weights)
    np.save(out / 'theta_volt.npy', theta)
    np.save(out / 'theta_mV.npy', theta * 1e3)
    np.save(out / 'train_counts.npy', train_counts)
    del net

    # ---------------- observing (labelling) ----------------
    seed(args.seed)
    t0 = time.time()
    net = build_network(False, weights=weights, theta_init=theta)
    build_observe = time.time() - t0
    log('observe network built in %.1f s' % build_observe)
    obs_counts = np.zeros((args.n_observe, N_NEURONS), dtype=np.int32)
    wall_observe, st_observe = run_phase('observe', net, range(args.n_observe), obs_counts)
    sim_t_observe = float(net.t / ms)
    del net
    obs_labels = Y[:args.n_observe]
    res = np.zeros((10, N_NEURONS))
    for c in range(10):
        if np.any(obs_labels == c):
            res[c] = obs_counts[obs_labels == c].mean(axis=0)
    # As in the example (line 283): argmax over classes; a neuron that never
    # fired during observation gets class 0.
    assignments = np.argmax(res, axis=0)
    silent = np.all(res == 0, axis=0)
    np.save(out / 'assignments.npy', assignments)
    np.save(out / 'observe_counts.npy', obs_counts)
    groups = [np.where(assignments == c)[0] for c in range(10)]
    # Diehl's original evaluation leaves silent neurons unassigned (-1).
    assign_diehl = np.where(silent, -1, assignments)
    groups_diehl = [np.where(assign_diehl == c)[0] for c in range(10)]

    # ---------------- testing ----------------
    seed(args.seed)
    t0 = time.time()
    net = build_network(False, weights=weights, theta_init=theta)
    build_test = time.time() - t0
    log('test network built in %.1f s' % build_test)
    test_idx = np.arange(args.test_start, args.test_start + args.n_test)
    test_counts = np.zeros((args.n_test, N_NEURONS), dtype=np.int32)
    pred = np.zeros(args.n_test, dtype=np.int64)
    correct = [0]

    def classify(k, ix, counts):
        pred[k] = int(np.argmax(class_means(groups, counts)))
        correct[0] += int(pred[k] == Y[ix])
        if (k + 1) % args.progress == 0:
            log('test running accuracy %.4f' % (correct[0] / (k + 1)))

    wall_test, st_test = run_phase('test', net, test_idx, test_counts, classify)
    sim_t_test = float(net.t / ms)
    del net
    y_test = Y[test_idx]
    conf = np.zeros((10, 10), dtype=np.int64)
    for t, p in zip(y_test, pred):
        conf[t, p] += 1
    accuracy = float(np.trace(conf) / conf.sum())
    pred_diehl = np.array([int(np.argmax(class_means(groups_diehl, c))) for c in test_counts])
    np.save(out / 'confusion.npy', conf)
    np.save(out / 'test_counts.npy', test_counts)
    np.save(out / 'test_predictions.npy', pred)
    np.save(out / 'test_labels.npy', y_test)

    total = time.time() - T_START
    metrics.update({
        'accuracy': accuracy,
        'n_correct': int(np.trace(conf)),
        'accuracy_silent_neurons_unassigned': float(np.mean(pred_diehl == y_test)),
        'neurons_per_class': [int(len(g)) for g in groups],
        'silent_neurons_in_observe': int(silent.sum()),
        'empty_classes': [c for c in range(10) if len(groups[c]) == 0],
        'seconds_per_sample': {
            'train': wall_train / max(args.n_train, 1),
            'observe': wall_observe / max(args.n_observe, 1),
            'test': wall_test / max(args.n_test, 1),
        },
        'wall_seconds': {
            'build_train': build_train, 'train': wall_train,
            'build_observe': build_observe, 'observe': wall_observe,
            'build_test': build_test, 'test': wall_test,
            'total': total,
        },
        'presentations': {
            'train': st_train['attempts'], 'observe': st_observe['attempts'],
            'test': st_test['attempts'],
        },
        'max_intensity': {
            'train': st_train['max_intensity'], 'observe': st_observe['max_intensity'],
            'test': st_test['max_intensity'],
        },
        'simulated_ms': {'train': sim_t_train, 'observe': sim_t_observe, 'test': sim_t_test},
        'mean_exc_spikes_per_sample': {
            'train': float(train_counts.sum() / max(args.n_train, 1)),
            'observe': float(obs_counts.sum() / max(args.n_observe, 1)),
            'test': float(test_counts.sum() / max(args.n_test, 1)),
        },
        'theta_mV': {'mean': float(theta.mean() * 1e3), 'min': float(theta.min() * 1e3),
                     'max': float(theta.max() * 1e3)},
        'weights': {'mean': float(weights.mean()), 'max': float(weights.max()),
                    'column_sum_mean': float(weights.sum(axis=0).mean())},
        'files': {
            'weights.npy': 'final input->exc weights, 784x400 (row = pixel, column = neuron)',
            'weights_initial.npy': 'initial weights before the first normalisation, 784x400',
            'theta_volt.npy': 'final theta in volt', 'theta_mV.npy': 'final theta in mV',
            'assignments.npy': 'class of each excitatory neuron (400)',
            'confusion.npy': '10x10 int counts, rows = true class, columns = predicted',
            'train_counts.npy / observe_counts.npy / test_counts.npy':
                'spike count of each excitatory neuron in the accepted 350 ms presentation',
            'test_predictions.npy / test_labels.npy': 'per test sample',
        },
    })
    with open(out / 'metrics.json', 'w') as f:
        json.dump(metrics, f, indent=2)
    log('accuracy %.4f (%d/%d); s/sample train %.3f observe %.3f test %.3f; total %.0f s'
        % (accuracy, int(np.trace(conf)), args.n_test,
           metrics['seconds_per_sample']['train'], metrics['seconds_per_sample']['observe'],
           metrics['seconds_per_sample']['test'], total))
    print(json.dumps({'accuracy': accuracy, 'seconds_per_sample': metrics['seconds_per_sample']}))


if __name__ == '__main__':
    main()
