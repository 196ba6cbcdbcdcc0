#!/usr/bin/python3
"""Brian2 reference run of the COBAHH benchmark (Brian2's examples/COBAHH.py; benchmark 3 of Brette
et al. 2007), for checking Myelin's port examples/cobahh/cobahh.myl.

4000 Hodgkin-Huxley neurons (Traub & Miles kinetics; 0..3199 excitatory, 3200..3999 inhibitory) with
conductance-based exponential synapses, p = 0.02 per pathway, exponential Euler, dt = 0.1 ms,
threshold v > -20 mV with 3 ms refractoriness (no reset). Parameters and equations are the example's.

Run with Debian's Brian2 2.5.1:
    /usr/bin/python3 cobahh_brian2.py --seed 1 --duration 1 --target numpy --out seed1.json

--rates exp (default) uses the example's rate functions, x/(exp(x/k)-1); --rates exprel uses the
algebraically equal k/exprel(x/k) form that examples/cobahh/cobahh.myl uses (no 0/0 at x = 0).
Writes the same statistics as examples/cuba/brian2/cuba_brian2.py.
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
    p.add_argument('--rates', choices=['exp', 'exprel'], default='exp', help="form of alpha_m, beta_m, alpha_n (default: the example's)")
    add_common_arguments(p, 'cobahh')
    return p.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    import brian2
    from brian2 import (NeuronGroup, Synapses, SpikeMonitor, Network, Equations, defaultclock,
                        seed, ms, mV, nS, umetre, ufarad, cm, siemens, msiemens, second)

    build_dir = select_target(args, 'cobahh')
    seed(args.seed)
    defaultclock.dt = 0.1 * ms

    # Parameters of examples/COBAHH.py.
    area = 20000 * umetre ** 2
    ns = dict(
        Cm=(1 * ufarad * cm ** -2) * area,
        gl=(5e-5 * siemens * cm ** -2) * area,
        El=-60 * mV, EK=-90 * mV, ENa=50 * mV,
        g_na=(100 * msiemens * cm ** -2) * area,
        g_kd=(30 * msiemens * cm ** -2) * area,
        VT=-63 * mV,
        taue=5 * ms, taui=10 * ms,
        Ee=0 * mV, Ei=-80 * mV,
        we=6 * nS,    # excitatory synaptic weight
        wi=67 * nS,   # inhibitory synaptic weight
    )
    n_neurons, n_exc = 4000, 3200

    if args.rates == 'exp':   # as written in the example
        rates = '''
        alpha_m = 0.32*(mV**-1)*(13*mV-v+VT)/(exp((13*mV-v+VT)/(4*mV))-1.)/ms : Hz
        beta_m = 0.28*(mV**-1)*(v-VT-40*mV)/(exp((v-VT-40*mV)/(5*mV))-1)/ms : Hz
        alpha_n = 0.032*(mV**-1)*(15*mV-v+VT)/(exp((15*mV-v+VT)/(5*mV))-1.)/ms : Hz
        '''
    else:                     # x/(exp(x/k)-1) == k/exprel(x/k)
        rates = '''
        alpha_m = 0.32*(mV**-1)*4*mV/exprel((13*mV-v+VT)/(4*mV))/ms : Hz
        beta_m = 0.28*(mV**-1)*5*mV/exprel((v-VT-40*mV)/(5*mV))/ms : Hz
        alpha_n = 0.032*(mV**-1)*5*mV/exprel((15*mV-v+VT)/(5*mV))/ms : Hz
        '''
    eqs = Equations('''
    dv/dt = (gl*(El-v)+ge*(Ee-v)+gi*(Ei-v)-
             g_na*(m*m*m)*h*(v-ENa)-
             g_kd*(n*n*n*n)*(v-EK))/Cm : volt
    dm/dt = alpha_m*(1-m)-beta_m*m : 1
    dn/dt = alpha_n*(1-n)-beta_n*n : 1
    dh/dt = alpha_h*(1-h)-beta_h*h : 1
    dge/dt = -ge*(1./taue) : siemens
    dgi/dt = -gi*(1./taui) : siemens
    alpha_h = 0.128*exp((17*mV-v+VT)/(18*mV))/ms : Hz
    beta_h = 4./(1+exp((40*mV-v+VT)/(5*mV)))/ms : Hz
    beta_n = .5*exp((10*mV-v+VT)/(40*mV))/ms : Hz
    ''' + rates)

    P = NeuronGroup(n_neurons, model=eqs, threshold='v>-20*mV', refractory=3 * ms,
                    method='exponential_euler', namespace=ns)
    Pe = P[:n_exc]
    Pi = P[n_exc:]
    Ce = Synapses(Pe, P, on_pre='ge+=we', namespace=ns)
    Ci = Synapses(Pi, P, on_pre='gi+=wi', namespace=ns)
    Ce.connect(p=0.02)
    Ci.connect(p=0.02)
    # Initialization as in the example (m, n, h start at 0, Brian2's default).
    P.v = 'El + (randn() * 5 - 5)*mV'
    P.ge = '(randn() * 1.5 + 4) * 10.*nS'
    P.gi = '(randn() * 12 + 20) * 10.*nS'
    s_mon = SpikeMonitor(P)
    net = Network(P, Ce, Ci, s_mon)

    t0 = time.time()
    net.run(args.duration * second)
    wall = time.time() - t0

    stats = spike_statistics(s_mon.i[:], s_mon.t[:] / second, n_neurons, n_exc, args.duration)
    result = {
        'model': 'cobahh',
        'brian2_version': brian2.__version__,
        'target': args.target,
        'rates_form': args.rates,
        'seed': args.seed,
        'duration_s': args.duration,
        'dt_ms': 0.1,
        'synapses_exc': int(len(Ce)),
        'synapses_inh': int(len(Ci)),
        **stats,
        'wall_time_run_s': wall,
        'command': command_line(),
    }
    if args.target == 'cpp_standalone':
        result['build_dir'] = build_dir
    write_result(result, args.out)


if __name__ == '__main__':
    main()
