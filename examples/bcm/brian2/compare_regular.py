#!/usr/bin/python3
"""Deterministic cross-check of orientation.myl against orientation_brian2.py.

With Poisson inputs the two simulators draw different random numbers, so only statistics can be
compared. This script removes every random draw from both sides, identically: it writes a copy of
examples/bcm/orientation.myl to a temporary folder (the original is not touched) in which

- each input is a phase oscillator, dphi/dt = rate, threshold 'phi >= 1', reset 'phi -= 1',
  method euler, phi(0) = i/N (instead of threshold 'rand() < rate*dt');
- w(0) = w_init*(0.5 + ((i*7 + j*13) % 10)/10.0) (instead of w_init*(0.5 + rand()));
- the training phase is phase_jitter*2*pi*((n*0.618) % 1) (instead of phase_jitter*2*pi*rand());

runs it with ./myelin and runs orientation_brian2.py --regular-inputs (the same changes), then
compares the excitatory spikes (neuron, time step), the trained weights and tuning_best.

Usage (from the repository root):
    /usr/bin/python3 examples/bcm/brian2/compare_regular.py --n-train 20
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..', '..'))


def regular_myl(text):
    changes = [
        ("""        rate : Hz
        angle : 1 (shared)      # radians; 0 = horizontal stripes
        phase : 1 (shared)
    '''
    threshold 'rand() < rate*dt'""",
         """        rate : Hz
        dphi/dt = rate : 1
        angle : 1 (shared)      # radians; 0 = horizontal stripes
        phase : 1 (shared)
    '''
    threshold 'phi >= 1'
    reset 'phi -= 1'
    method euler
    init phi = 'i/N'"""),
        ("init w = 'w_init*(0.5 + rand())'",
         "init w = 'w_init*(0.5 + ((i*7 + j*13) % 10)/10.0)'"),
        ("inp.phase = 'phase_jitter * 2*pi*rand()'",
         "inp.phase = 'phase_jitter * 2*pi*((n*0.618) % 1)'"),
    ]
    for old, new in changes:
        if old not in text:
            sys.exit(f'orientation.myl has changed; cannot find:\n{old}')
        text = text.replace(old, new)
    return text


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--n-train', type=int, default=20)
    p.add_argument('--phase-jitter', type=int, default=1, choices=[0, 1])
    args = p.parse_args()

    tmp = tempfile.mkdtemp(prefix='bcm_regular_')
    with open(os.path.join(ROOT, 'examples', 'bcm', 'orientation.myl')) as f:
        myl = regular_myl(f.read())
    myl_path = os.path.join(tmp, 'orientation_regular.myl')
    with open(myl_path, 'w') as f:
        f.write(myl)
    subprocess.run([os.path.join(ROOT, 'myelin'), 'run', myl_path, '--out', os.path.join(tmp, 'myelin'),
                    '--set', f'n_train={args.n_train}', '--set', f'phase_jitter={args.phase_jitter}'],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, os.path.join(HERE, 'orientation_brian2.py'), '--regular-inputs',
                    '--n-train', str(args.n_train), '--phase-jitter', str(args.phase_jitter),
                    '--out', os.path.join(tmp, 'brian2')],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    m = os.path.join(tmp, 'myelin')
    b = os.path.join(tmp, 'brian2')
    m_i = np.load(os.path.join(m, 'exc_spikes_i.npy')).astype(np.int64)
    m_step = np.round(np.load(os.path.join(m, 'exc_spikes_t.npy'))/0.5e-3).astype(np.int64)
    b_i, b_step = np.load(os.path.join(b, 'exc_spikes.npy'))
    A = sorted(zip(m_step.tolist(), m_i.tolist()))
    B = sorted(zip(b_step.tolist(), b_i.tolist()))
    first = next((k for k, (x, y) in enumerate(zip(A, B)) if x != y), None)
    print(f'excitatory spikes: Myelin {len(A)}, Brian2 {len(B)}')
    if first is None and len(A) == len(B):
        print('  identical (same neurons in the same time steps)')
    else:
        k = first if first is not None else min(len(A), len(B))
        print(f'  identical up to spike {k}; first difference (step, neuron): '
              f'Myelin {A[k] if k < len(A) else None}, Brian2 {B[k] if k < len(B) else None} '
              f'(t = {min(A[k][0] if k < len(A) else 1e18, B[k][0] if k < len(B) else 1e18)*0.5e-3:.4f} s)')
    wm = np.load(os.path.join(m, 'weights.npy'))
    wb = np.load(os.path.join(b, 'weights_trained.npy'))
    print(f'trained weights: max |difference| {np.abs(wm - wb).max():.3g}')
    tm = np.load(os.path.join(m, 'tuning_best.npy'))
    tb = np.loadtxt(os.path.join(b, 'tuning_best.csv'), delimiter=',', skiprows=1)[:, 1:]
    print(f'tuning_best: max |difference| {np.abs(tm - tb).max():g} Hz; selective_best Myelin '
          f'{np.load(os.path.join(m, "selective_best.npy")).mean():.2f}, Brian2 '
          f'{json.load(open(os.path.join(b, "metrics.json")))["frac_selective_best"]:.2f}')
    print(f'(outputs in {tmp})')


if __name__ == '__main__':
    main()
