#!/usr/bin/python3
"""Brian2 reference run of Brian2's examples/synapses/STDP.py (Song, Miller & Abbott 2000; Song &
Abbott 2001), for checking Myelin's port examples/stdp/stdp.myl.

1000 Poisson inputs at 15 Hz drive one integrate-and-fire neuron through excitatory synapses with
pair-based additive STDP (event-driven traces Apre, Apost; weights clipped to [0, gmax]); the weights
start uniform, w = rand()*gmax, and become bimodal. dt = 0.1 ms (Brian2's default).

Run with Debian's Brian2 2.5.1:
    /usr/bin/python3 stdp_brian2.py --seed 1 --duration 100 --target cython --out seed1.json

--drive example (default) is the example's membrane equation, dv/dt = (ge*(Ee-vr) + El - v)/taum
(the synaptic drive uses the constant vr, so the equation is linear and integrated exactly, as the
example's method='linear'/'exact'). --drive conductance is dv/dt = (ge*(Ee-v) + El - v)/taum with
method 'euler' (a true conductance synapse), kept to show how much the choice matters.

Writes the final weights as w/gmax (mean, fraction below 0.1, above 0.9, 10-bin histogram on [0, 1])
and the output neuron's spike count and its rate over the last 10 s of the run.
"""
import argparse
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from brian2_reference import add_common_arguments, command_line, select_target, write_result  # noqa: E402


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--duration', type=float, default=100.0, help='model time in seconds (default 100, as in the example)')
    p.add_argument('--drive', choices=['example', 'conductance'], default='example',
                   help="membrane equation: the example's ge*(Ee-vr) (exact) or ge*(Ee-v) (euler)")
    add_common_arguments(p, 'stdp')
    return p.parse_args(argv)


def weight_statistics(w_over_gmax):
    w = np.asarray(w_over_gmax, dtype=np.float64)
    hist, _ = np.histogram(w, bins=10, range=(0.0, 1.0))
    return {
        'w_mean': float(w.mean()),
        'w_frac_below_0_1': float((w < 0.1).mean()),
        'w_frac_above_0_9': float((w > 0.9).mean()),
        'w_hist_10_bins': [int(c) for c in hist],   # bins [0,0.1), ..., [0.9,1.0]; w = gmax falls in the last
    }


def main(argv=None):
    args = parse_args(argv)
    import brian2
    from brian2 import (NeuronGroup, PoissonGroup, Synapses, SpikeMonitor, Network, defaultclock,
                        seed, ms, mV, Hz, second)

    build_dir = select_target(args, 'stdp')
    seed(args.seed)
    dt_s = 1e-4
    defaultclock.dt = dt_s * second

    # Parameters of examples/synapses/STDP.py.
    N = 1000
    taupre = 20 * ms
    taupost = taupre
    gmax = .01
    dApre = .01
    dApost = -dApre * taupre / taupost * 1.05
    dApost *= gmax
    dApre *= gmax
    ns = dict(taum=10 * ms, taupre=taupre, taupost=taupost, Ee=0 * mV, vt=-54 * mV, vr=-60 * mV,
              El=-74 * mV, taue=5 * ms, gmax=gmax, dApre=dApre, dApost=dApost)
    F = 15 * Hz

    if args.drive == 'example':
        eqs_neurons = '''
        dv/dt = (ge * (Ee-vr) + El - v) / taum : volt
        dge/dt = -ge / taue : 1
        '''
        method = 'exact'
    else:
        eqs_neurons = '''
        dv/dt = (ge * (Ee-v) + El - v) / taum : volt
        dge/dt = -ge / taue : 1
        '''
        method = 'euler'

    inp = PoissonGroup(N, rates=F)
    # v starts at 0 mV, Brian2's default, as in the example (so the neuron fires at once and falls to El).
    neuron = NeuronGroup(1, eqs_neurons, threshold='v>vt', reset='v = vr', method=method, namespace=ns)
    S = Synapses(inp, neuron,
                 '''w : 1
                    dApre/dt = -Apre / taupre : 1 (event-driven)
                    dApost/dt = -Apost / taupost : 1 (event-driven)''',
                 on_pre='''ge += w
                        Apre += dApre
                        w = clip(w + Apost, 0, gmax)''',
                 on_post='''Apost += dApost
                         w = clip(w + Apre, 0, gmax)''',
                 namespace=ns)
    S.connect()
    S.w = 'rand() * gmax'
    out_mon = SpikeMonitor(neuron)
    net = Network(inp, neuron, S, out_mon)

    t0 = time.time()
    net.run(args.duration * second)
    wall = time.time() - t0

    w = np.asarray(S.w[:]) / gmax
    t_out = np.asarray(out_mon.t[:] / second)
    steps = np.rint(t_out / dt_s).astype(np.int64)
    window = min(10.0, args.duration)
    first_step = int(round((args.duration - window) / dt_s))
    last_window = int((steps >= first_step).sum())
    result = {
        'model': 'stdp',
        'brian2_version': brian2.__version__,
        'target': args.target,
        'drive': args.drive,
        'seed': args.seed,
        'duration_s': args.duration,
        'dt_ms': 0.1,
        'synapses': int(len(S)),
        **weight_statistics(w),
        'out_spikes': int(out_mon.num_spikes),
        'out_rate_hz': float(out_mon.num_spikes / args.duration),
        'out_spikes_last_10s': last_window,
        'out_rate_last_10s_hz': float(last_window / window),
        'wall_time_run_s': wall,
        'command': command_line(),
    }
    if args.target == 'cpp_standalone':
        result['build_dir'] = build_dir
    write_result(result, args.out)


if __name__ == '__main__':
    main()
