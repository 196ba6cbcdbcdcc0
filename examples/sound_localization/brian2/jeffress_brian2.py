#!/usr/bin/python3
"""Brian2 version of examples/sound_localization/jeffress.myl (Jeffress delay lines).

The same network and protocol as the Myelin model, written directly in Brian2 2.5:

- 200 Poisson auditory nerve fibres (PoissonGroup with a rates expression of t and of the
  protocol variable ipd, which is set from Python before each presentation);
- 1200 coincidence detectors (12 best IPDs x 100 fibre pairs), one leaky trace per ear,
  threshold 'xl > 0.5 and xr > 0.5', reset 'xl = 0; xr = 0', method exact, no refractoriness;
- left fibre k -> detectors k, k+100, ... directly; right fibre k -> the same detectors through
  a synaptic delay best_deg_post/360/f_env;
- dt = 0.1 ms; per presentation a golden-ratio IPD, 30 ms settling run, then a counted 200 ms;
  the group of 100 detectors with the most spikes (ties to the lower group) names the IPD.

Usage (from the repository root):
    /usr/bin/python3 examples/sound_localization/brian2/jeffress_brian2.py \
        --n-test 200 --seed 1 --out examples/sound_localization/brian2/runs/seed1

Writes DIR/metrics.json and DIR/ipd_estimates.csv (true IPD, estimate, degrees).
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
    p.add_argument('--n-test', type=int, default=200, help='presentations (default 200)')
    p.add_argument('--seed', type=int, default=1, help='Brian2 seed (default 1)')
    p.add_argument('--out', required=True, help='output folder')
    p.add_argument('--target', choices=['cython', 'numpy'], default='cython',
                   help='Brian2 runtime code generation target (default cython; '
                        'falls back to numpy if cython fails)')
    p.add_argument('--ipd-offset', type=float, default=0.5,
                   help='start of the IPD sequence (the .myl param ipd_offset, default 0.5)')
    p.add_argument('--t-pres-ms', type=float, default=200.0, help='counted run (ms)')
    p.add_argument('--t-settle-ms', type=float, default=30.0, help='settling run (ms)')
    return p.parse_args()


def build_and_run(args, target):
    import brian2 as b2
    from brian2 import ms, Hz, second, pi

    b2.start_scope()
    b2.prefs.codegen.target = target
    b2.defaultclock.dt = 0.1*ms
    b2.seed(args.seed)

    # constants of jeffress.myl
    n_fibres = 100
    n_classes = 12
    class_width = 180 / n_classes          # degrees
    f_env = 20*Hz
    rate_max = 600*Hz
    tau_cd = 1*ms
    T_pres = args.t_pres_ms*ms
    T_settle = args.t_settle_ms*ms

    # The groups have no namespace of their own: every run gets this one, so that 'ipd' (an
    # external variable, radians) takes the value the protocol sets before the presentation.
    namespace = dict(n_fibres=n_fibres, n_classes=n_classes, class_width=class_width,
                     f_env=f_env, rate_max=rate_max, tau_cd=tau_cd, ipd=0.0)

    ears = b2.PoissonGroup(
        2*n_fibres,
        rates='rate_max*(0.5*(1 + sin(2*pi*f_env*t + (i % n_fibres)*(pi/2)/(n_fibres - 1)'
              ' + ipd*int(i >= n_fibres))))**2',
        name='ears')

    cd = b2.NeuronGroup(
        n_classes*n_fibres,
        '''
        dxl/dt = -xl/tau_cd : 1
        dxr/dt = -xr/tau_cd : 1
        best_deg = (i // n_fibres + 0.5)*class_width : 1
        ''',
        threshold='xl > 0.5 and xr > 0.5',
        reset='xl = 0; xr = 0',
        method='exact', name='cd')

    left = b2.Synapses(ears[0:n_fibres], cd, on_pre='xl += 1', name='left')
    left.connect(j='k for k in range(i, N_post, n_fibres)')
    right = b2.Synapses(ears[n_fibres:2*n_fibres], cd, on_pre='xr += 1', name='right')
    right.connect(j='k for k in range(i, N_post, n_fibres)')
    right.delay = 'best_deg_post/360/f_env'   # resolved from this function's locals

    # Only counts are needed (Myelin's slice monitors c0..c11 give MON.total); record=False keeps
    # the per-neuron count without storing every spike.
    mon = b2.SpikeMonitor(cd, record=False, name='cd_spikes')

    net = b2.Network(ears, cd, left, right, mon)

    assert len(left) == n_classes*n_fibres and len(right) == n_classes*n_fibres
    delays_ms = np.asarray(right.delay/ms)
    post = np.asarray(right.j)
    expect = (post // n_fibres + 0.5)*class_width/360/20*1000
    assert np.allclose(delays_ms, expect)

    rows = []
    error_sum = 0.0
    n_right = 0
    for k in range(args.n_test):
        ipd_deg = ((k + args.ipd_offset)*0.6180339887498949 % 1)*180
        namespace['ipd'] = ipd_deg*np.pi/180
        net.run(T_settle, namespace=namespace)
        before = np.array(mon.count[:], dtype=np.int64)
        net.run(T_pres, namespace=namespace)
        counts = np.array(mon.count[:], dtype=np.int64) - before
        group = counts.reshape(n_classes, n_fibres).sum(axis=1)
        best = int(np.argmax(group))          # first maximum, as the .myl's strict '>' chain
        estimate = (best + 0.5)*class_width
        error_sum += abs(estimate - ipd_deg)
        if best == int(ipd_deg // class_width):
            n_right += 1
        rows.append((ipd_deg, estimate))
        if (k + 1) % 10 == 0:
            print(f'{k + 1}/{args.n_test}: mean abs error so far {error_sum/(k + 1):.3f} deg, '
                  f'right class {n_right}/{k + 1}', flush=True)
    # Spikes of each group of 100 detectors over the whole simulation (settling runs included),
    # the numbers `myelin run` prints for the monitors c0..c11.
    totals = [int(x) for x in np.array(mon.count[:]).reshape(n_classes, n_fibres).sum(axis=1)]
    return rows, error_sum/args.n_test, n_right/args.n_test, b2.__version__, totals


def main():
    args = parse_args()
    os.makedirs(args.out, exist_ok=True)
    t0 = time.time()
    target = args.target
    try:
        rows, mae, frac, version, totals = build_and_run(args, target)
    except Exception as e:  # cython missing or failing to compile: fall back to numpy
        if target != 'cython':
            raise
        print(f'cython target failed ({type(e).__name__}: {e}); falling back to numpy',
              file=sys.stderr)
        target = 'numpy'
        t0 = time.time()
        rows, mae, frac, version, totals = build_and_run(args, target)
    wall = time.time() - t0

    print(f'mean absolute error (degrees) {mae:.4f} right class fraction {frac:.4f} '
          f'({args.n_test} presentations, seed {args.seed}, {target}, {wall:.1f} s)')
    metrics = dict(mean_abs_error_deg=mae, right_class_fraction=frac, n_test=args.n_test,
                   seed=args.seed, ipd_offset=args.ipd_offset, brian2_version=version,
                   runtime_target=target, wall_seconds=round(wall, 2),
                   model_seconds=round(args.n_test*(args.t_settle_ms + args.t_pres_ms)/1000, 6),
                   group_spike_totals=totals)
    with open(os.path.join(args.out, 'metrics.json'), 'w') as f:
        json.dump(metrics, f, indent=2)
        f.write('\n')
    with open(os.path.join(args.out, 'ipd_estimates.csv'), 'w', newline='') as f:
        w = csv.writer(f)
        w.writerow(['true_ipd_deg', 'estimate_deg'])
        for true_deg, est in rows:
            w.writerow([repr(true_deg), repr(est)])


if __name__ == '__main__':
    main()
