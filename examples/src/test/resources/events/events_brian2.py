# Brian2 2.5.1 reference for custom events, run_on_event, on_event pathways, EventMonitor and run_regularly.
# Run: /usr/bin/python3 events_brian2.py > events_brian2.json   (read by CustomEventsTest with events.myl)
from brian2 import *
import numpy as np, json
prefs.codegen.target = 'numpy'
defaultclock.dt = 0.1*ms
G = NeuronGroup(3, '''dv/dt = I/(10*ms) : 1
                      I : 1
                      flag : 1
                      count : 1''',
                threshold='v > 1', reset='v = 0; flag = 0',
                events={'mid': 'v > 0.5 and flag == 0'}, method='euler')
G.run_on_event('mid', 'flag = 1; count += 1')
G.I = [0.5, 1.0, 1.5]
G.run_regularly('I = I + 0.1', dt=5*ms)
H = NeuronGroup(3, '''x : 1
                      y : 1''')
H.run_regularly('y = x*2', when='end')
S = Synapses(G, H, on_pre='x += 1', on_event={'pre': 'mid'}, delay=1*ms)
S.connect(j='i')
mid = EventMonitor(G, 'mid')
spk = SpikeMonitor(G)
st = StateMonitor(G, 'I', record=[0], dt=1*ms)
run(60*ms)
out = {
    'mid_i': mid.i[:].tolist(), 'mid_step': np.round(mid.t[:] / defaultclock.dt).astype(int).tolist(),
    'spike_i': spk.i[:].tolist(), 'spike_step': np.round(spk.t[:] / defaultclock.dt).astype(int).tolist(),
    'count': G.count[:].tolist(), 'x': H.x[:].tolist(), 'y': H.y[:].tolist(), 'I_final': G.I[:].tolist(),
    'I0_trace': st.I[0].tolist(),
}
print(json.dumps(out))
