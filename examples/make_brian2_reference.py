#!/usr/bin/python3
"""Runs the Brian2 reference script of one example (examples/MODEL/brian2/MODEL_brian2.py) for
several seeds, one run at a time, keeps each run's JSON under examples/MODEL/brian2/runs/CONFIG/seedS.json and collects them into reference_stats.json:
for every statistic the per-seed values, their mean and sample standard deviation (ddof = 1), min
and max. Several configurations (durations, targets, variants) can live side by side in
reference_stats.json; running one configuration replaces only that one.

    /usr/bin/python3 examples/make_brian2_reference.py MODEL CONFIG --seeds 1-10 -- --duration 1 --target numpy
    /usr/bin/python3 examples/make_brian2_reference.py MODEL CONFIG --collect-only   # re-read runs/CONFIG/*.json

Arguments after -- are passed to the model script (besides --seed and --out).
"""
import argparse
import datetime
import glob
import json
import os
import subprocess
import sys
import time

import numpy as np

EXAMPLES = os.path.dirname(os.path.abspath(__file__))
NOT_STATISTICS = {'model', 'brian2_version', 'target', 'seed', 'duration_s', 'dt_ms', 'command', 'wall_time_run_s',
                  'build_dir', 'rates_form', 'drive', 'standalone_timers_s', 'standalone_simulated_run_time_s', 'standalone_prefs', 'wall_time_model_s',
                  'pop_rate_bins'}


def seeds_of(text):
    out = []
    for part in text.split(','):
        if '-' in part:
            a, b = part.split('-')
            out += list(range(int(a), int(b) + 1))
        else:
            out.append(int(part))
    return out


def summary(values):
    a = np.asarray(values, dtype=np.float64)
    sd = a.std(axis=0, ddof=1) if len(a) > 1 else np.zeros_like(a[0])
    def py(x):
        return x.tolist() if isinstance(x, np.ndarray) else float(x)
    return {'values': values, 'mean': py(a.mean(axis=0)), 'sd': py(sd), 'min': py(a.min(axis=0)), 'max': py(a.max(axis=0))}


def collect(HERE, MODEL, config):
    runs = []
    for path in glob.glob(os.path.join(HERE, 'runs', config, 'seed*.json')):
        with open(path) as f:
            runs.append(json.load(f))
    runs.sort(key=lambda r: r['seed'])
    if not runs:
        sys.exit(f'no runs in runs/{config}')
    first = runs[0]
    stats = {}
    for key, value in first.items():
        if key in NOT_STATISTICS or value is None:
            continue
        stats[key] = summary([r[key] for r in runs])
    entry = {
        'brian2_version': first['brian2_version'],
        'target': first['target'],
        'duration_s': first['duration_s'],
        'dt_ms': first['dt_ms'],
        'seeds': [r['seed'] for r in runs],
        'n_seeds': len(runs),
        'commands': [f"cd examples/{MODEL}/brian2 && {r['command']}" for r in runs],
        'wall_time_run_s': [round(r['wall_time_run_s'], 3) for r in runs],
        'statistics': stats,
    }
    for key in ('rates_form', 'drive'):
        if key in first:
            entry[key] = first[key]
    return entry


def main():
    argv = sys.argv[1:]
    passthrough = []
    if '--' in argv:
        k = argv.index('--')
        argv, passthrough = argv[:k], argv[k + 1:]
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('model', help='the example folder under examples/, e.g. cuba')
    p.add_argument('config', help='name of this configuration, e.g. numpy_1s')
    p.add_argument('--seeds', default='1-5')
    p.add_argument('--collect-only', action='store_true')
    args = p.parse_args(argv)
    MODEL = args.model
    HERE = os.path.join(EXAMPLES, MODEL, 'brian2')
    SCRIPT = f'{MODEL}_brian2.py'
    OUT = os.path.join(HERE, 'reference_stats.json')

    if not args.collect_only:
        os.makedirs(os.path.join(HERE, 'runs', args.config), exist_ok=True)
        for s in seeds_of(args.seeds):
            out = f'runs/{args.config}/seed{s}.json'
            cmd = ['/usr/bin/python3', SCRIPT, '--seed', str(s)] + passthrough + ['--out', out]
            t0 = time.time()
            r = subprocess.run(cmd, cwd=HERE, stderr=subprocess.PIPE, text=True)
            if r.returncode:
                sys.stderr.write(r.stderr)
                sys.exit(f'failed: {" ".join(cmd)}')
            print(f'{" ".join(cmd)}  ({time.time() - t0:.1f} s)', flush=True)

    ref = {}
    if os.path.exists(OUT):
        with open(OUT) as f:
            ref = json.load(f)
    ref.setdefault('model', MODEL)
    ref['generated'] = datetime.datetime.now().astimezone().isoformat(timespec='seconds')
    ref['note'] = ('Brian2 runs of the same model with different seeds; per statistic: values per seed (in the '
                   'order of "seeds"), mean, sample standard deviation (ddof=1), min, max. Made by examples/make_brian2_reference.py.')
    ref.setdefault('configurations', {})[args.config] = collect(HERE, MODEL, args.config)
    with open(OUT, 'w') as f:
        json.dump(ref, f, indent=1)
        f.write('\n')


if __name__ == '__main__':
    main()
