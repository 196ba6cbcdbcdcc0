# Brian2's side of examples/stdp: the same model in Brian2 2.5.1 (Debian's python3-brian), run with
# /usr/bin/python3 stdp_brian2.py SEED [DURATION_S]; prints one JSON line of statistics.
# The lines for several seeds are in brian2_stats.jsonl, which ExampleStatisticsTest compares Myelin with.
import sys, json, numpy as np
from brian2 import *
prefs.codegen.target = 'numpy'
seed_ = int(sys.argv[1]); seed(seed_)
N = 1000; taum = 10*ms; taupre = 20*ms; taupost = taupre; Ee = 0*mV; vt = -54*mV; vr = -60*mV; El = -74*mV; taue = 5*ms; F = 15*Hz
gmax = .01; dApre = .01; dApost = -dApre * taupre / taupost * 1.05; dApost *= gmax; dApre *= gmax
eqs_neurons = '''dv/dt = (ge * (Ee-v) + El - v) / taum : volt
dge/dt = -ge / taue : 1'''
inp = PoissonGroup(N, rates=F)
neurons = NeuronGroup(1, eqs_neurons, threshold='v>vt', reset='v = vr', method='euler')
S = Synapses(inp, neurons, '''w : 1
dApre/dt = -Apre / taupre : 1 (event-driven)
dApost/dt = -Apost / taupost : 1 (event-driven)''', on_pre='''ge += w
Apre += dApre
w = clip(w + Apost, 0, gmax)''', on_post='''Apost += dApost
w = clip(w + Apre, 0, gmax)''')
S.connect(); S.w = 'rand() * gmax'
sm = SpikeMonitor(neurons)
run(float(sys.argv[2])*second)
w = np.asarray(S.w)/gmax
print(json.dumps(dict(seed=seed_, duration=float(sys.argv[2]), mean=float(w.mean()), low=float((w<0.1).mean()), high=float((w>0.9).mean()), hist=np.histogram(w,bins=10,range=(0,1))[0].tolist(), post=int(sm.num_spikes))))
