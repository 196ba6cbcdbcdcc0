#!/usr/bin/python3
"""Brian2 reference run of the CUBA benchmark (Brian2's examples/CUBA.py; Vogels & Abbott 2005,
benchmark 2 of Brette et al. 2007), for checking Myelin's port examples/cuba/cuba.myl.

4000 LIF neurons (0..3199 excitatory, 3200..3999 inhibitory), current-based exponential synapses
(ge, gi in volt), all-to-all candidates with p = 0.02 per pathway, exact integration, dt = 0.1 ms.

Run with Debian's Brian2 2.5.1:
    /usr/bin/python3 cuba_brian2.py --seed 1 --duration 1 --target numpy --out seed1.json

Writes a JSON object with the synapse counts, spike counts, mean rates (all / exc / inh), the mean
coefficient of variation of the inter-spike intervals (neurons with >= 3 spikes) and the mean and
standard deviation of the population rate in 10 ms bins. With --target cpp_standalone the build
directory (--build-dir, default under /tmp) and Brian2's own compile/run timers are reported too.
"""
import argparse
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from brian2_reference import (add_common_arguments, command_line, select_target, spike_statistics,  # noqa: E402
                              write_result)


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--duration', type=float, default=1.0, help='model time in seconds (default 1, as in the example)')
    add_common_arguments(p, 'cuba')
    return p.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    import brian2
    from brian2 import (NeuronGroup, Synapses, SpikeMonitor, Network, defaultclock, prefs,
                        device, seed, ms, mV, second)

    build_dir = select_target(args, 'cuba')
    t_model = time.time()
    seed(args.seed)
    defaultclock.dt = 0.1 * ms

    # Parameters of examples/CUBA.py.
    taum = 20 * ms
    taue = 5 * ms
    taui = 10 * ms
    Vt = -50 * mV
    Vr = -60 * mV
    El = -49 * mV
    we = (60 * 0.27 / 10) * mV   # excitatory weight (voltage): 1.62 mV
    wi = (-20 * 4.5 / 10) * mV   # inhibitory weight: -9 mV
    n, n_exc = 4000, 3200

    eqs = '''
    dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
    dge/dt = -ge/taue : volt
    dgi/dt = -gi/taui : volt
    '''
    P = NeuronGroup(n, eqs, threshold='v>Vt', reset='v = Vr', refractory=5 * ms, method='exact',
                    namespace=dict(taum=taum, taue=taue, taui=taui, Vt=Vt, Vr=Vr, El=El))
    P.v = 'Vr + rand() * (Vt - Vr)'
    P.ge = 0 * mV
    P.gi = 0 * mV
    # As in the example: two Synapses objects on the whole group, the source restricted by a condition.
    Ce = Synapses(P, P, on_pre='ge += we', namespace=dict(we=we))
    Ci = Synapses(P, P, on_pre='gi += wi', namespace=dict(wi=wi))
    Ce.connect('i<3200', p=0.02)
    Ci.connect('i>=3200', p=0.02)
    s_mon = SpikeMonitor(P)
    net = Network(P, Ce, Ci, s_mon)

    t0 = time.time()
    net.run(args.duration * second)
    wall = time.time() - t0
    wall_model = time.time() - t_model

    stats = spike_statistics(s_mon.i[:], s_mon.t[:] / second, n, n_exc, args.duration)
    result = {
        'model': 'cuba',
        'brian2_version': brian2.__version__,
        'target': args.target,
        'seed': args.seed,
        'duration_s': args.duration,
        'dt_ms': 0.1,
        'synapses_exc': int(len(Ce)),
        'synapses_inh': int(len(Ci)),
        **stats,
        # The run() call alone: code generation of the run's objects and the time steps (standalone: also the
        # build and the whole binary). Synapse creation and initial values happen before run() in runtime mode,
        # so wall_time_model_s (from seed() to the end of run(), after `import brian2`) is the fair total.
        'wall_time_run_s': wall,
        'wall_time_model_s': wall_model,
        'command': command_line(),
    }
    if args.target == 'cpp_standalone':
        result['build_dir'] = build_dir
        result['standalone_timers_s'] = {
            'make_clean': device.timers['compile'].get('clean'),
            'make': device.timers['compile'].get('make'),
            'run_binary': device.timers['run_binary'],
        }
        result['standalone_simulated_run_time_s'] = getattr(device, '_last_run_time', None)
        result['standalone_prefs'] = {
            'extra_compile_args_gcc': list(prefs['codegen.cpp.extra_compile_args_gcc']),
            'extra_make_args_unix': list(prefs['devices.cpp_standalone.extra_make_args_unix']),
            'openmp_threads': prefs['devices.cpp_standalone.openmp_threads'],
        }
    write_result(result, args.out)


if __name__ == '__main__':
    main()
