# Brian2 2.5.1 (numpy target) statistics of stochastic equations, for StochasticEquationsTest.
# Run: /usr/bin/python3 noise_brian2.py > noise_brian2.json   (20000 neurons, 200 ms, dt 0.1 ms, seeds 1-3)
from brian2 import *
import numpy as np, json
prefs.codegen.target = 'numpy'
out = {}
for s in [1, 2, 3]:
    for name, eqs, method in [
        ('ou_euler', 'dv/dt = -v/tau + sigma*sqrt(2/tau)*xi : volt', 'euler'),
        ('gbm_heun', 'dv/dt = a*v + b*v*xi*second**0.5 : volt', 'heun'),
        ('gbm_milstein', 'dv/dt = a*v + b*v*xi*second**0.5 : volt', 'milstein'),
        ('shared_noise', 'dv/dt = -v/tau + sigma*sqrt(2/tau)*xi_s : volt\ndu/dt = -u/tau + sigma*sqrt(2/tau)*xi_s : volt', 'euler'),
    ]:
        start_scope()
        seed(s)
        tau = 10*ms; sigma = 2*mV; a = -1/second; b = 2/second
        G = NeuronGroup(20000, eqs, method=method)
        G.v = 0*mV if name.startswith('ou') or name == 'shared_noise' else 1*mV
        run(200*ms)
        v = G.v[:] / mV
        r = out.setdefault(name, {'mean': [], 'std': [], 'mean_log': [], 'corr': []})
        r['mean'].append(float(v.mean())); r['std'].append(float(v.std()))
        if name.startswith('gbm'): r['mean_log'].append(float(np.log(v).mean()))
        if name == 'shared_noise': r['corr'].append(float(np.corrcoef(v, G.u[:]/mV)[0, 1]))
print(json.dumps(out, indent=1))
