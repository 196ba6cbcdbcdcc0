#!/usr/bin/python3
"""The benchmark models of bench/*.myl written for Brian2, for side-by-side timing (bench/run.py).

    /usr/bin/python3 models.py MODEL --n N --duration SECONDS --device cython|cpp_standalone
                     [--build-dir DIR] [--seed S] [--out result.json]

With --device cpp_standalone the project is generated and compiled in --build-dir, and run only
with --run (bench/run.py times the binary itself, DIR/main, and the whole process with --run on a
directory built before, which is Brian2's whole-process time with its build cached). With --device cython the model is built and run
in this process; the result gives the wall time of run() (which includes Cython's compilation
unless its cache is warm), of the whole model, and the spike count.
Each model matches its .myl file: same equations, parameters, connectivity rule, monitors and dt.
"""
import argparse
import json
import time


def excitatory_and_inhibitory(b, P, n, we, wi):
    """CUBA's and COBAHH's two pathways from the whole group, a condition picking the sources."""
    n_e, p = n * 4 // 5, 80.0 / n
    Ce = b.Synapses(P, P, on_pre='ge += we', namespace=dict(we=we))
    Ci = b.Synapses(P, P, on_pre='gi += wi', namespace=dict(wi=wi))
    Ce.connect('i<n_e', p=p, namespace=dict(n_e=n_e))
    Ci.connect('i>=n_e', p=p, namespace=dict(n_e=n_e))
    mon = b.SpikeMonitor(P)
    return [P, Ce, Ci, mon], mon


def cuba(b, n):
    taum, taue, taui = 20 * b.ms, 5 * b.ms, 10 * b.ms
    Vt, Vr, El = -50 * b.mV, -60 * b.mV, -49 * b.mV
    we, wi = (60 * 0.27 / 10) * b.mV, (-20 * 4.5 / 10) * b.mV
    b.defaultclock.dt = 0.1 * b.ms
    eqs = '''
    dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
    dge/dt = -ge/taue : volt
    dgi/dt = -gi/taui : volt
    '''
    P = b.NeuronGroup(n, eqs, threshold='v>Vt', reset='v = Vr', refractory=5 * b.ms, method='exact',
                      namespace=dict(taum=taum, taue=taue, taui=taui, Vt=Vt, Vr=Vr, El=El))
    P.v = 'Vr + rand() * (Vt - Vr)'
    return excitatory_and_inhibitory(b, P, n, we, wi)


def cobahh(b, n):
    area = 20000 * b.umetre ** 2
    Cm = (1 * b.ufarad * b.cm ** -2) * area
    gl = (5e-5 * b.siemens * b.cm ** -2) * area
    El, EK, ENa = -60 * b.mV, -90 * b.mV, 50 * b.mV
    g_na = (100 * b.msiemens * b.cm ** -2) * area
    g_kd = (30 * b.msiemens * b.cm ** -2) * area
    VT = -63 * b.mV
    taue, taui = 5 * b.ms, 10 * b.ms
    Ee, Ei = 0 * b.mV, -80 * b.mV
    we, wi = 6 * b.nS, 67 * b.nS
    b.defaultclock.dt = 0.1 * b.ms
    eqs = '''
    dv/dt = (gl*(El-v) + ge*(Ee-v) + gi*(Ei-v) - g_na*(m*m*m)*h*(v-ENa) - g_kd*(n*n*n*n)*(v-EK))/Cm : volt
    dm/dt = alpha_m*(1-m) - beta_m*m : 1
    dn/dt = alpha_n*(1-n) - beta_n*n : 1
    dh/dt = alpha_h*(1-h) - beta_h*h : 1
    dge/dt = -ge*(1./taue) : siemens
    dgi/dt = -gi*(1./taui) : siemens
    alpha_m = 0.32*(mV**-1)*4*mV/exprel((13*mV-v+VT)/(4*mV))/ms : Hz
    beta_m = 0.28*(mV**-1)*5*mV/exprel((v-VT-40*mV)/(5*mV))/ms : Hz
    alpha_h = 0.128*exp((17*mV-v+VT)/(18*mV))/ms : Hz
    beta_h = 4./(1+exp((40*mV-v+VT)/(5*mV)))/ms : Hz
    alpha_n = 0.032*(mV**-1)*5*mV/exprel((15*mV-v+VT)/(5*mV))/ms : Hz
    beta_n = .5*exp((10*mV-v+VT)/(40*mV))/ms : Hz
    '''
    ns = dict(area=area, Cm=Cm, gl=gl, El=El, EK=EK, ENa=ENa, g_na=g_na, g_kd=g_kd, VT=VT,
              taue=taue, taui=taui, Ee=Ee, Ei=Ei)
    P = b.NeuronGroup(n, eqs, threshold='v>-20*mV', refractory=3 * b.ms, method='exponential_euler',
                      namespace=ns)
    P.v = 'El + (randn() * 5 - 5)*mV'
    P.ge = '(randn() * 1.5 + 4) * 10.*nS'
    P.gi = '(randn() * 12 + 20) * 10.*nS'
    return excitatory_and_inhibitory(b, P, n, we, wi)


def stdp(b, n):
    taum, taupre = 10 * b.ms, 20 * b.ms
    taupost = taupre
    Ee, vt, vr, El = 0 * b.mV, -54 * b.mV, -60 * b.mV, -74 * b.mV
    taue, F, gmax = 5 * b.ms, 15 * b.Hz, 0.01
    dApre = 0.01 * gmax
    dApost = -0.01 * taupre / taupost * 1.05 * gmax
    b.defaultclock.dt = 0.1 * b.ms
    eqs = '''
    dv/dt = (ge * (Ee-vr) + El - v) / taum : volt
    dge/dt = -ge / taue : 1
    '''
    inp = b.PoissonGroup(n, rates=F)
    neuron = b.NeuronGroup(1, eqs, threshold='v>vt', reset='v = vr', method='exact',
                           namespace=dict(taum=taum, Ee=Ee, vr=vr, El=El, taue=taue, vt=vt))
    S = b.Synapses(inp, neuron,
                   '''w : 1
                      dApre/dt = -Apre / taupre : 1 (event-driven)
                      dApost/dt = -Apost / taupost : 1 (event-driven)''',
                   on_pre='''ge += w
                             Apre += dApre
                             w = clip(w + Apost, 0, gmax)''',
                   on_post='''Apost += dApost
                              w = clip(w + Apre, 0, gmax)''',
                   namespace=dict(taupre=taupre, taupost=taupost, dApre=dApre, dApost=dApost, gmax=gmax))
    S.connect()
    S.w = 'rand() * gmax'
    mon = b.SpikeMonitor(neuron)
    return [inp, neuron, S, mon], mon


def izhikevich_network(b, n):
    n_e = n * 4 // 5
    b.defaultclock.dt = 0.5 * b.ms
    eqs = '''
    dv/dt = (0.04*v**2 + 5*v + 140 - u + I)/ms : 1
    du/dt = a*(b*v - u)/ms : 1
    I : 1
    a : 1 (constant)
    b : 1 (constant)
    c : 1 (constant)
    d : 1 (constant)
    r : 1 (constant)
    '''
    G = b.NeuronGroup(n, eqs, threshold='v >= 30', reset='v = c; u += d', method='euler',
                      namespace=dict(n_e=n_e))
    G.run_regularly('I = (5*int(i < n_e) + 2*int(i >= n_e)) * randn()', dt=1 * b.ms)
    G.r = 'rand()'
    G.a = '0.02 + 0.08*r*int(i >= n_e)'
    G.b = '0.2 - 0.05*r*int(i >= n_e)'
    G.c = '-65 + 15*r**2*int(i < n_e)'
    G.d = '(8 - 6*r**2)*int(i < n_e) + 2*int(i >= n_e)'
    G.v = -65
    G.u = 'b*v'
    S = b.Synapses(G, G, 'w : 1 (constant)', on_pre='v_post += w', namespace=dict(n_e=n_e))
    S.connect()
    S.w = 'rand()*(0.5*int(i < n_e) - int(i >= n_e))'
    mon = b.SpikeMonitor(G)
    return [G, S, mon], mon


MODELS = dict(cuba=cuba, cobahh=cobahh, stdp=stdp, izhikevich_network=izhikevich_network)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('model', choices=sorted(MODELS))
    p.add_argument('--n', type=int, required=True)
    p.add_argument('--duration', type=float, required=True, help='model time in seconds')
    p.add_argument('--device', choices=['cython', 'cpp_standalone'], required=True)
    p.add_argument('--build-dir', default=None)
    p.add_argument('--run', action='store_true', help='cpp_standalone: also run the binary')
    p.add_argument('--seed', type=int, default=1)
    p.add_argument('--out', default=None)
    args = p.parse_args()
    t_start = time.time()
    import brian2 as b
    b.prefs.logging.console_log_level = 'ERROR'
    if args.device == 'cpp_standalone':
        b.set_device('cpp_standalone', directory=args.build_dir, build_on_run=False)
    else:
        b.prefs.codegen.target = 'cython'
    t_model = time.time()
    b.seed(args.seed)
    objects, mon = MODELS[args.model](b, args.n)
    net = b.Network(*objects)
    t_run = time.time()
    net.run(args.duration * b.second)
    t_end = time.time()
    result = dict(model=args.model, n=args.n, duration=args.duration, device=args.device,
                  brian2_version=b.__version__, import_s=t_model - t_start)
    if args.device == 'cpp_standalone':
        b.device.build(directory=args.build_dir, compile=True, run=args.run)
        result.update(build_dir=args.build_dir, build_s=time.time() - t_run)
    else:
        result.update(run_s=t_end - t_run, model_s=t_end - t_model, spikes=int(mon.num_spikes))
    if args.out:
        with open(args.out, 'w') as f:
            json.dump(result, f, indent=1)
    else:
        print(json.dumps(result))


if __name__ == '__main__':
    main()
