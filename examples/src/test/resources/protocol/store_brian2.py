# Brian2 2.5.1: store/restore with a spike in flight; the monitor after restore. Read by ProtocolTest.
# Run: /usr/bin/python3 store_brian2.py
from brian2 import *
import json
prefs.codegen.target = 'numpy'
defaultclock.dt = 0.1*ms
P = SpikeGeneratorGroup(2, [0, 1, 0], [1, 3, 9.5]*ms)
G = NeuronGroup(2, 'v : 1', threshold='v > 0.5', reset='v = 0')
S = Synapses(P, G, on_pre='v += 1', delay=2*ms)
S.connect(j='i')
mon = SpikeMonitor(G)
run(10*ms)
store()
run(10*ms)
first = (mon.i[:].tolist(), [int(round(x)) for x in mon.t[:]/defaultclock.dt])
restore()
after_restore = mon.num_spikes
run(10*ms)
second = (mon.i[:].tolist(), [int(round(x)) for x in mon.t[:]/defaultclock.dt])
print(json.dumps({'first': first, 'after_restore': int(after_restore), 'second': second}))
