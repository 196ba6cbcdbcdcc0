# Brian2's side of examples/cuba: the same model in Brian2 2.5.1 (Debian's python3-brian), run with
# /usr/bin/python3 cuba_brian2.py SEED (1 s of model time); prints one JSON line of statistics.
# The lines for several seeds are in brian2_stats.jsonl, which ExampleStatisticsTest compares Myelin with.
import sys, json, numpy as np
from brian2 import *
prefs.codegen.target = 'numpy'
seed_ = int(sys.argv[1]); seed(seed_)
taum = 20*ms; taue = 5*ms; taui = 10*ms; Vt = -50*mV; Vr = -60*mV; El = -49*mV
eqs = '''dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
dge/dt = -ge/taue : volt
dgi/dt = -gi/taui : volt'''
P = NeuronGroup(4000, eqs, threshold='v>Vt', reset='v = Vr', refractory=5*ms, method='exact')
P.v = 'Vr + rand() * (Vt - Vr)'; P.ge = 0*mV; P.gi = 0*mV
we = (60 * 0.27 / 10) * mV; wi = (-20 * 4.5 / 10) * mV
Ce = Synapses(P[:3200], P, on_pre='ge += we'); Ci = Synapses(P[3200:], P, on_pre='gi += wi')
Ce.connect(p=0.02); Ci.connect(p=0.02)
s_mon = SpikeMonitor(P)
run(1 * second)
c = np.asarray(s_mon.count)
print(json.dumps(dict(seed=seed_, n=int(s_mon.num_spikes), all=float(c.mean()), exc=float(c[:3200].mean()), inh=float(c[3200:].mean()), syn=[len(Ce), len(Ci)])))
