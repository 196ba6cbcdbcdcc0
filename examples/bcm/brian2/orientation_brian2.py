#!/usr/bin/python3
"""Brian2 version of examples/bcm/orientation.myl (orientation selectivity with BCM synapses).

The same network and protocol as the Myelin model, written for Brian2 2.5:

- dt = 0.5 ms; a 10 x 10 grid of Poisson inputs (NeuronGroup, threshold 'rand() < rate*dt')
  whose rates are a grating: r_base + r_peak*(1 + cos(2*pi/period*(-x*sin(angle) + y*cos(angle))
  + phase))/2 with x = i % 10, y = i // 10;
- 20 regular-spiking Izhikevich neurons (a = 0.02, d = 8, I_bias = -4, current synapses with a
  5 ms decay, an inhibitory conductance gi with reversal -80), a 200 ms spike trace y and a sliding
  threshold theta (d theta/dt = (y**2/y0 - theta)/tau_theta, theta(0) = y0 = 10 Hz); method euler;
- 5 fast-spiking Izhikevich neurons (a = 0.1, d = 2), method euler;
- inp -> exc all-to-all BCM synapses: on_pre 'I_post += w; w = clip(w + plastic*eta*y_post*
  (y_post - theta_post)/y0**2, 0, w_max)', w(0) = w_init*(0.5 + rand());
  exc -> inh all-to-all (I_post += 3), inh -> exc all-to-all (gi_post += 0.1);
- training: n_train presentations of 200 ms, angle 0 and pi/2 in turn, phase
  phase_jitter*2*pi*U[0, 1) drawn once per presentation;
- test: plasticity off, 12 angles (k*pi/12) x 8 phases (2*pi*p/8) x 500 ms; per angle the spike
  count summed over the phases (block) and the largest single-presentation count (best);
  selective = peak >= 2*trough and peak >= 5 (block counts), selective_best = the same with best
  counts and peak >= 3.

Brian2's overhead per run() is large, so the whole schedule is one run for training and one for
the test: the grating parameters of every 100 ms slot are precomputed into TimedArrays, and a
run_regularly operation of the input group (slot 'start', every 100 ms) sets angle, phase and the
rates from them, which is what the .myl's assignments before each `run` do. The test spike counts
are read from a SpikeMonitor (active only during the test) by presentation, which is what the
.myl's count/block/best bookkeeping computes.

Usage (from the repository root):
    /usr/bin/python3 examples/bcm/brian2/orientation_brian2.py --seed 1 --phase-jitter 1 \
        --out examples/bcm/brian2/runs/seed1_jitter

Writes DIR/metrics.json and DIR/tuning_best.csv (neuron x angle, Hz, best phase).
"""
import argparse
import csv
import json
import os
import sys
import time

import numpy as np


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--seed', type=int, default=1, help='seed (default 1)')
    p.add_argument('--phase-jitter', type=int, default=1, choices=[0, 1],
                   help='1: random phase per training presentation (the .myl default); 0: phase 0')
    p.add_argument('--n-train', type=int, default=4000,
                   help='training presentations (the .myl param n_train, default 4000)')
    p.add_argument('--out', required=True, help='output folder')
    p.add_argument('--regular-inputs', action='store_true',
                   help='deterministic check: inputs are phase oscillators (dphi/dt = rate, spike at '
                        'phi >= 1, phi -= 1, phi(0) = i/N), w(0) = w_init*(0.5 + ((7i + 13j) %% 10)/10), '
                        'training phases 2*pi*((0.618 n) %% 1)*phase_jitter; also writes '
                        'weights_trained.npy and exc_spikes.npy (index, step) (see README.md)')
    p.add_argument('--target', choices=['cython', 'numpy'], default='cython',
                   help='Brian2 runtime target (default cython; falls back to numpy if it fails)')
    return p.parse_args()


# params and consts of orientation.myl (defaults)
SIDE = 10
N_ANGLES = 12
N_TEST_PHASES = 8
N_EXC = 20
N_INH = 5
PERIOD = 5
MIN_PEAK = 5
MIN_PEAK_BEST = 3


def schedule(n_train, phase_jitter, rng, regular=False):
    """Angle and phase of every 100 ms slot: training 2 slots per presentation, test 5."""
    angles, phases = [], []
    if regular:
        u = (np.arange(n_train)*0.618) % 1
    else:
        u = rng.random(n_train)              # one uniform [0, 1) draw per training presentation
    for n in range(n_train):
        a = (n % 2)*np.pi/2
        ph = phase_jitter*2*np.pi*u[n]
        angles += [a, a]
        phases += [ph, ph]
    for k in range(N_ANGLES):
        for p in range(N_TEST_PHASES):
            angles += [k*np.pi/N_ANGLES]*5
            phases += [2*np.pi*p/N_TEST_PHASES]*5
    return np.array(angles), np.array(phases)


def build_and_run(args, target):
    import brian2 as b2
    from brian2 import ms, Hz, second

    b2.start_scope()
    b2.prefs.codegen.target = target
    DT = 0.5*ms
    b2.defaultclock.dt = DT
    b2.seed(args.seed)
    rng = np.random.default_rng(args.seed)

    t_present = 200*ms
    t_test = 500*ms
    slot = 100*ms
    ns = dict(
        side=SIDE, period=PERIOD, r_base=0*Hz, r_peak=40*Hz,
        eta=3e-3, y0=10*Hz, tau_y=200*ms, tau_theta=5*second,
        w_max=2.0, w_ei=3.0, w_ie=0.1, E_inh=-80.0, I_bias=-4.0, tau_s=5*ms, w_init=0.8,
    )

    angles, phases = schedule(args.n_train, args.phase_jitter, rng, args.regular_inputs)
    ns['angle_ta'] = b2.TimedArray(angles, dt=slot)
    ns['phase_ta'] = b2.TimedArray(phases, dt=slot)

    if args.regular_inputs:
        inp = b2.NeuronGroup(SIDE*SIDE, '''
            rate : Hz
            dphi/dt = rate : 1
            angle : 1 (shared)
            phase : 1 (shared)
            ''', threshold='phi >= 1', reset='phi -= 1', method='euler', namespace=ns,
            name='inp')
        inp.phi = 'i*1.0/N'
    else:
        inp = b2.NeuronGroup(SIDE*SIDE, '''
            rate : Hz
            angle : 1 (shared)
            phase : 1 (shared)
            ''', threshold='rand() < rate*dt', namespace=ns, name='inp')
    inp.run_regularly('''
        angle = angle_ta(t)
        phase = phase_ta(t)
        rate = r_base + r_peak*(1 + cos(2*pi/period*(-(i % side)*sin(angle) + (i // side)*cos(angle)) + phase))/2
        ''', dt=slot, when='start', name='inp_stimulus')

    exc = b2.NeuronGroup(N_EXC, '''
        dv/dt = (0.04*v**2 + 5*v + 140 - u + I + I_bias - gi*(v - E_inh))/ms : 1
        du/dt = 0.02*(0.2*v - u)/ms : 1
        dI/dt = -I/tau_s : 1
        dgi/dt = -gi/tau_s : 1
        dy/dt = -y/tau_y : Hz
        dtheta/dt = (y**2/y0 - theta)/tau_theta : Hz
        ''', threshold='v >= 30', reset='v = -65; u += 8; y += 1/tau_y',
        method='euler', namespace=ns, name='exc')
    exc.v = -65
    exc.u = -13
    exc.theta = 10*Hz

    inh = b2.NeuronGroup(N_INH, '''
        dv/dt = (0.04*v**2 + 5*v + 140 - u + I)/ms : 1
        du/dt = 0.1*(0.2*v - u)/ms : 1
        dI/dt = -I/tau_s : 1
        ''', threshold='v >= 30', reset='v = -65; u += 2',
        method='euler', namespace=ns, name='inh')
    inh.v = -65
    inh.u = -13

    S = b2.Synapses(inp, exc, '''
        w : 1
        plastic : 1 (shared)
        ''', on_pre='''
        I_post += w
        w = clip(w + plastic*eta*y_post*(y_post - theta_post)/y0**2, 0, w_max)
        ''', namespace=ns, name='S')
    S.connect()
    if args.regular_inputs:
        S.w = 'w_init*(0.5 + ((i*7 + j*13) % 10)/10.0)'
    else:
        S.w = 'w_init*(0.5 + rand())'
    S.plastic = 1

    EI = b2.Synapses(exc, inh, on_pre='I_post += w_ei', namespace=ns, name='EI')
    EI.connect()
    IE = b2.Synapses(inh, exc, on_pre='gi_post += w_ie', namespace=ns, name='IE')
    IE.connect()

    mon = b2.SpikeMonitor(exc, name='exc_spikes')
    mon.active = args.regular_inputs         # otherwise only the test spikes are recorded

    net = b2.Network(inp, exc, inh, S, EI, IE, mon)
    wall0 = time.time()
    net.run(args.n_train*t_present, report='text', report_period=60*second)
    wall_train = time.time() - wall0
    order = np.lexsort((np.array(S.j[:]), np.array(S.i[:])))   # Myelin's order: by i, then j
    w_trained = np.array(S.w[:])[order]
    theta_trained = np.array(exc.theta[:]/Hz).copy()

    S.plastic = 0
    mon.active = True
    test_start_step = int(round(float(net.t/DT)))
    net.run(N_ANGLES*N_TEST_PHASES*t_test, report='text', report_period=60*second)
    wall = time.time() - wall0

    all_steps = np.round(np.asarray(mon.t/DT)).astype(np.int64)
    spike_i = np.asarray(mon.i).astype(np.int64)
    pres = (all_steps - test_start_step) // int(round(float(t_test/DT)))
    ok = pres >= 0
    counts = np.zeros((N_EXC, N_ANGLES*N_TEST_PHASES))
    np.add.at(counts, (spike_i[ok], pres[ok]), 1)
    counts = counts.reshape(N_EXC, N_ANGLES, N_TEST_PHASES)
    return dict(counts=counts, spikes=np.array([spike_i, all_steps]), w=w_trained, theta_trained=theta_trained,
                theta_end=np.array(exc.theta[:]/Hz), wall=wall, wall_train=wall_train,
                version=b2.__version__)


def main():
    args = parse_args()
    target = args.target
    try:
        res = build_and_run(args, target)
    except Exception as e:                     # cython missing or failing: numpy target
        if target != 'cython':
            raise
        print(f'cython target failed ({e!r}); retrying with numpy', file=sys.stderr)
        target = 'numpy'
        res = build_and_run(args, target)

    counts = res['counts']
    t_test = 0.5
    block = counts.sum(axis=2)                 # spikes per angle, summed over the test phases
    best = counts.max(axis=2)                  # most spikes in one presentation of the angle
    peak, trough = block.max(axis=1), block.min(axis=1)
    peak_b, trough_b = best.max(axis=1), best.min(axis=1)
    selective = (peak >= 2*trough) & (peak >= MIN_PEAK)
    selective_best = (peak_b >= 2*trough_b) & (peak_b >= MIN_PEAK_BEST)
    tuning_best = best/t_test
    tuning = block/(N_TEST_PHASES*t_test)
    pref = tuning_best.argmax(axis=1)*180//N_ANGLES

    w = res['w']
    metrics = dict(
        model='examples/bcm/orientation.myl',
        frac_selective_best=float(selective_best.mean()),
        frac_selective_phase_averaged=float(selective.mean()),
        selective_best=selective_best.astype(int).tolist(),
        selective_phase_averaged=selective.astype(int).tolist(),
        preferred_angle_deg_best=pref.tolist(),
        mean_test_rate_hz=float(tuning.mean()),
        mean_w_after_training=float(w.mean()),
        frac_w_at_0=float(np.mean(w <= 0)),
        frac_w_at_max=float(np.mean(w >= 2.0)),
        mean_theta_after_training_hz=float(res['theta_trained'].mean()),
        mean_theta_end_hz=float(res['theta_end'].mean()),
        seed=args.seed, phase_jitter=args.phase_jitter, n_train=args.n_train,
        regular_inputs=bool(args.regular_inputs),
        brian2_version=res['version'], target=target,
        wall_seconds=round(res['wall'], 1), wall_seconds_training=round(res['wall_train'], 1),
    )
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, 'metrics.json'), 'w') as f:
        json.dump(metrics, f, indent=1)
    with open(os.path.join(args.out, 'tuning_best.csv'), 'w', newline='') as f:
        wr = csv.writer(f)
        wr.writerow(['neuron'] + [f'{k*180//N_ANGLES}deg' for k in range(N_ANGLES)])
        for n in range(N_EXC):
            wr.writerow([n] + [f'{x:g}' for x in tuning_best[n]])
    if args.regular_inputs:
        np.save(os.path.join(args.out, 'weights_trained.npy'), w)
        np.save(os.path.join(args.out, 'exc_spikes.npy'), res['spikes'])
    print(json.dumps({k: metrics[k] for k in ('frac_selective_best', 'frac_selective_phase_averaged',
                                              'mean_test_rate_hz', 'mean_w_after_training',
                                              'wall_seconds', 'target')}))


if __name__ == '__main__':
    main()
