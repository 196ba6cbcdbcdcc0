#!/usr/bin/python3
"""Brian2 version of examples/sound_localization/dale_network.myl (NPY weights, Dale's law).

The same network and protocol as the Myelin model, written directly in Brian2 2.5, with the
weights read from the same files in examples/sound_localization/weights/:

- 200 auditory nerve fibres: a NeuronGroup with the Poisson threshold 'rand() < rate*dt', the
  rate an expression of t and of the protocol variables ipd and stim (set from Python before
  each run), and a constant sign dale from sign_in.npy;
- 48 hidden LIF neurons, dv/dt = -v/tau_hidden (unless refractory), threshold 'v > 1',
  reset 'v = 0', refractory 1 ms, method exact, dale from sign_hidden.npy;
  fibres -> hidden all-to-all, on_pre 'v_post += dale_pre*w', w from w_in.npy.
  '(unless refractory)' also drops the synaptic input that arrives while the neuron is
  refractory (Brian2's conditional write; Myelin does the same since this cross-check found
  that it did not). --refractory-input brian2 (default) is the .myl; --refractory-input myelin
  is Myelin's reading before that fix, the flag written out as
  dv/dt = -v/tau_hidden*int(not_refractory), which lets the input pass;
- 12 output integrators, dv/dt = (1 - reading)*bias (bias from bias_out.npy), threshold
  'reading > 0 and v > 1', reset 'v -= 1', method euler (exact for this equation; Brian2's
  exact solver refuses a pure integrator); hidden -> out all-to-all,
  on_pre 'v_post += (1 - reading)*dale_pre*w', w from w_out.npy;
- dt = 0.1 ms; per presentation a golden-ratio IPD, a 20 ms settling run, out.v = 0, a counted
  200 ms run, then a 40 ms read-out with the fibres silenced (stim = 0, reading = 1); the output
  with the most read-out spikes is the prediction (ties to the lower class, all silent = wrong).

Usage (from the repository root):
    /usr/bin/python3 examples/sound_localization/brian2/dale_brian2.py \
        --n-test 200 --seed 1 --out examples/sound_localization/brian2/runs/dale_seed1

Writes DIR/metrics.json and DIR/presentations.csv (true IPD in degrees, true class, predicted
class; -1 for a presentation in which no output fired).
"""
import argparse
import csv
import json
import os
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
WEIGHTS = os.path.join(os.path.dirname(HERE), 'weights')


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--n-test', type=int, default=200, help='presentations (default 200)')
    p.add_argument('--seed', type=int, default=1, help='Brian2 seed (default 1)')
    p.add_argument('--out', required=True, help='output folder')
    p.add_argument('--target', choices=['cython', 'numpy'], default='cython',
                   help='Brian2 runtime code generation target (default cython; '
                        'falls back to numpy if cython fails)')
    p.add_argument('--weights', default=WEIGHTS,
                   help='folder of the NPY files (default ../weights next to this script)')
    # params of dale_network.myl, with its defaults
    p.add_argument('--ipd-offset', type=float, default=0.5,
                   help='start of the IPD sequence (the .myl param ipd_offset, default 0.5)')
    p.add_argument('--tau-hidden-ms', type=float, default=1.0, help='tau_hidden (ms)')
    p.add_argument('--t-settle-ms', type=float, default=20.0, help='settling run (ms)')
    p.add_argument('--t-pres-ms', type=float, default=200.0, help='counted run (ms)')
    p.add_argument('--t-read-ms', type=float, default=40.0, help='read-out run (ms)')
    p.add_argument('--refractory-input', choices=['brian2', 'myelin'], default='brian2',
                   help="what the hidden layer's synaptic input does while a neuron is "
                        "refractory. brian2 (default): the .myl's '(unless refractory)', v is "
                        "clamped and 'v_post += ...' is ignored (Brian2's conditional write, "
                        "which Myelin follows); myelin: v is held by the integration only and "
                        "the input still adds to it, as Myelin did before 2026-12-04")
    return p.parse_args()


def load_weights(folder):
    w = {n: np.load(os.path.join(folder, n + '.npy'))
         for n in ('w_in', 'sign_in', 'w_out', 'sign_hidden', 'bias_out')}
    n_in, n_hidden = w['w_in'].shape
    assert w['sign_in'].shape == (n_in,), w['sign_in'].shape
    assert w['sign_hidden'].shape == (n_hidden,), w['sign_hidden'].shape
    assert w['w_out'].shape == (n_hidden, 12), w['w_out'].shape
    assert w['bias_out'].shape == (12,), w['bias_out'].shape
    return w


def build_and_run(args, target):
    import brian2 as b2
    from brian2 import ms, Hz, second

    b2.start_scope()
    b2.prefs.codegen.target = target
    b2.defaultclock.dt = 0.1*ms
    b2.seed(args.seed)

    wts = load_weights(args.weights)

    # consts and params of dale_network.myl
    n_fibres = 100
    n_classes = 12
    class_width = 180 / n_classes          # degrees
    f_env = 20*Hz
    rate_max = 600*Hz
    tau_hidden = args.tau_hidden_ms*ms
    n_hidden = wts['w_in'].shape[1]        # the .myl's n_hidden = 48 must match the files
    assert wts['w_in'].shape[0] == 2*n_fibres
    T_pres = args.t_pres_ms*ms
    T_settle = args.t_settle_ms*ms
    T_read = args.t_read_ms*ms

    # The protocol variables ipd, stim and reading are external variables: the groups have no
    # namespace of their own, every run gets this dict, set before the run.
    namespace = dict(n_fibres=n_fibres, f_env=f_env, rate_max=rate_max, tau_hidden=tau_hidden,
                     ipd=0.0, stim=1, reading=0)

    ears = b2.NeuronGroup(
        2*n_fibres,
        '''
        rate = stim*rate_max*(0.5*(1 + sin(2*pi*f_env*t + (i % n_fibres)*(pi/2)/(n_fibres - 1) + ipd*int(i >= n_fibres))))**2 : Hz
        dale : 1 (constant)
        ''',
        threshold='rand() < rate*dt',
        name='ears')

    if args.refractory_input == 'brian2':
        # Brian2 marks an '(unless refractory)' variable for a conditional write: while the
        # neuron is refractory nothing changes v, the synapses' 'v_post += ...' included.
        hidden = b2.NeuronGroup(
            n_hidden,
            '''
            dv/dt = -v/tau_hidden : 1 (unless refractory)
            dale : 1 (constant)
            ''',
            threshold='v > 1', reset='v = 0', refractory=1*ms, method='exact', name='hidden')
    else:
        # Myelin's reading before 2026-12-04: only the integration is held (Brian2's own update for the flag,
        # v*exp(-dt*int(not_refractory)/tau_hidden), written out), synaptic input still adds.
        # Without the flag there is no conditional write; exponential_euler gives exactly that
        # update (Brian2's exact solver refuses the not_refractory factor).
        hidden = b2.NeuronGroup(
            n_hidden,
            '''
            dv/dt = -v/tau_hidden*int(not_refractory) : 1
            dale : 1 (constant)
            ''',
            threshold='v > 1', reset='v = 0', refractory=1*ms, method='exponential_euler',
            name='hidden')

    # The .myl says method exact. Brian2 2.5.1's exact (linear) solver refuses a pure integrator
    # (UnsupportedEquationsException for dv/dt = bias); euler's v + dt*(1 - reading)*bias is the
    # exact solution of this right-hand side, which is constant over a run.
    out = b2.NeuronGroup(
        n_classes,
        '''
        dv/dt = (1 - reading)*bias : 1
        bias : 1/second (constant)
        ''',
        threshold='reading > 0 and v > 1', reset='v -= 1', method='euler', name='out')

    input_hidden = b2.Synapses(ears, hidden, 'w : 1 (constant)',
                               on_pre='v_post += dale_pre*w', name='input_hidden')
    input_hidden.connect()
    hidden_out = b2.Synapses(hidden, out, 'w : 1 (constant)',
                             on_pre='v_post += (1 - reading)*dale_pre*w', name='hidden_out')
    hidden_out.connect()

    ears.dale = wts['sign_in']
    hidden.dale = wts['sign_hidden']
    out.bias = wts['bias_out']/second
    # Index the (pre, post) matrices by each synapse's i and j rather than relying on the
    # order in which connect() creates the synapses.
    input_hidden.w = wts['w_in'][np.asarray(input_hidden.i), np.asarray(input_hidden.j)]
    hidden_out.w = wts['w_out'][np.asarray(hidden_out.i), np.asarray(hidden_out.j)]
    assert len(input_hidden) == 2*n_fibres*n_hidden and len(hidden_out) == n_hidden*n_classes

    # Counts only (the .myl's o0..o11 and hidden_spikes give MON.total): record=False.
    out_mon = b2.SpikeMonitor(out, record=False, name='out_spikes')
    hidden_mon = b2.SpikeMonitor(hidden, record=False, name='hidden_spikes')
    ears_mon = b2.SpikeMonitor(ears, record=False, name='ears_spikes')

    net = b2.Network(ears, hidden, out, input_hidden, hidden_out, out_mon, hidden_mon, ears_mon)

    rows = []
    n_correct = 0
    n_silent = 0
    for k in range(args.n_test):
        ipd_deg = ((k + args.ipd_offset)*0.6180339887498949 % 1)*180
        label = int(ipd_deg // class_width)
        namespace['ipd'] = ipd_deg*np.pi/180
        namespace['stim'] = 1
        namespace['reading'] = 0
        net.run(T_settle, namespace=namespace)
        out.v = 0
        net.run(T_pres, namespace=namespace)
        namespace['stim'] = 0
        namespace['reading'] = 1
        before = np.array(out_mon.count[:], dtype=np.int64)
        net.run(T_read, namespace=namespace)
        counts = np.array(out_mon.count[:], dtype=np.int64) - before
        best = int(np.argmax(counts))        # first maximum: the .myl's strict '>' chain
        if counts[best] == 0:
            best = -1
            n_silent += 1
        if best == label:
            n_correct += 1
        rows.append((ipd_deg, label, best))
        if (k + 1) % 20 == 0:
            print(f'{k + 1}/{args.n_test}: accuracy so far {n_correct}/{k + 1}, '
                  f'silent {n_silent}', flush=True)
    extra = dict(hidden_spike_total=int(hidden_mon.num_spikes),
                 fibre_spike_total=int(ears_mon.num_spikes),
                 output_spike_totals=[int(x) for x in out_mon.count[:]])
    return rows, n_correct, n_silent, b2.__version__, extra


def main():
    args = parse_args()
    os.makedirs(args.out, exist_ok=True)
    t0 = time.time()
    target = args.target
    try:
        result = build_and_run(args, target)
    except Exception as e:  # cython missing or failing to compile: fall back to numpy
        if target != 'cython':
            raise
        print(f'cython target failed ({type(e).__name__}: {e}); falling back to numpy',
              file=sys.stderr)
        target = 'numpy'
        t0 = time.time()
        result = build_and_run(args, target)
    rows, n_correct, n_silent, version, extra = result
    wall = time.time() - t0

    accuracy = n_correct/args.n_test
    print(f'accuracy {accuracy:.4f} ({n_correct} of {args.n_test}), silent {n_silent} '
          f'(seed {args.seed}, {target}, {wall:.1f} s)')
    metrics = dict(accuracy=accuracy, n_correct=n_correct, silent_presentations=n_silent,
                   n_test=args.n_test, seed=args.seed, ipd_offset=args.ipd_offset,
                   refractory_input=args.refractory_input,
                   brian2_version=version, runtime_target=target, wall_seconds=round(wall, 2),
                   model_seconds=round(args.n_test*(args.t_settle_ms + args.t_pres_ms
                                                    + args.t_read_ms)/1000, 6),
                   **extra)
    with open(os.path.join(args.out, 'metrics.json'), 'w') as f:
        json.dump(metrics, f, indent=2)
        f.write('\n')
    with open(os.path.join(args.out, 'presentations.csv'), 'w', newline='') as f:
        w = csv.writer(f)
        w.writerow(['true_ipd_deg', 'true_class', 'predicted_class'])
        for true_deg, label, best in rows:
            w.writerow([repr(true_deg), label, best])


if __name__ == '__main__':
    main()
