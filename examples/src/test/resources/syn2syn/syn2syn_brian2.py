# Brian2 2.5.1 reference: synapses whose target is another synapses object (dopamine-like modulation).
# Run: /usr/bin/python3 syn2syn_brian2.py > syn2syn_brian2.json   (read by SynapsesOnSynapsesTest with syn2syn.myl)
from brian2 import *
import numpy as np, json
prefs.codegen.target = 'numpy'
defaultclock.dt = 0.1*ms
A = NeuronGroup(3, 'x : 1')
B = NeuronGroup(2, 'y : 1')
S = Synapses(A, B, '''w : 1
                      dd/dt = -d/(5*ms) : 1 (clock-driven)''', method='exact')
S.connect()
S.w = 'i*10 + j'
R = SpikeGeneratorGroup(1, [0, 0, 0], [2, 5, 5.5]*ms)
D = Synapses(R, S, on_pre='d_post += 0.5 + 0.01*w_post', delay=1*ms)
D.connect()
E = Synapses(R, S, 'c : 1', on_pre='d_post += c')
E.connect('j % 2 == 0')
E.c = 'j'
mon = StateMonitor(S, 'd', record=True, dt=0.5*ms)
run(10*ms)
print(json.dumps({'d': mon.d[:].tolist(), 'final_d': S.d[:].tolist(), 'D_j': D.j[:].tolist(), 'E_j': E.j[:].tolist(),
                  'N_post': int(D.N_post[:]) if np.ndim(D.N_post[:]) == 0 else int(np.asarray(D.N_post[:]).ravel()[0])}))
