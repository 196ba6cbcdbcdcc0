#!/usr/bin/python3
"""Times Brian2 on the CUBA network (4000 neurons, 1 s of model time, seed 1) and writes timing.json.

* cpp_standalone: a clean build in a fresh directory under /tmp (code generation + g++ via make),
  then the built binary (./main in that directory, as Brian2 itself runs it) run alone REPEATS
  times; the median wall time of the binary is the figure to compare with. The binary's own
  results/last_run_info.txt gives the time of its simulation loop only.
* cython runtime: one run with an empty extension cache (includes compiling the Cython code), then
  REPEATS runs with the warm cache. numpy runtime: REPEATS runs.
Each runtime figure is the wall time of the whole process (includes `import brian2`, ~2.5 s), of
the model (synapse creation, initial values and run(); model_wall_s) and of the run() call alone
(code generation of the run's objects and the time steps; synapses are created before run()).

    /usr/bin/python3 cuba_timing.py [--repeats 5] [--out timing.json]
"""
import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = 'cuba_brian2.py'


def sh(cmd):
    return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()


def run_script(args, out):
    cmd = ['/usr/bin/python3', SCRIPT] + args + ['--out', out]
    t0 = time.time()
    subprocess.run(cmd, cwd=HERE, check=True, stderr=subprocess.DEVNULL)
    wall = time.time() - t0
    with open(out) as f:
        res = json.load(f)
    return ' '.join(cmd), wall, res


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--repeats', type=int, default=5)
    p.add_argument('--out', default=os.path.join(HERE, 'timing.json'))
    p.add_argument('--work', default='/tmp/myelin_brian2_cuba_timing')
    args = p.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    common = ['--seed', '1', '--duration', '1']
    timing = {
        'model': 'cuba (4000 neurons, 1 s model time, dt 0.1 ms, seed 1)',
        'date': sh('date -Iseconds'),
        'machine': {'nproc': sh('nproc'), 'lscpu_head_20': sh('lscpu | head -20').splitlines(),
                    'gxx': sh('g++ --version | head -1'), 'python': sys.version.split()[0],
                    'load_average_at_start': sh('cat /proc/loadavg')},
        'note': ('The machine is shared with another engineer compiling Java, so figures may include some '
                 'contention; medians over repeats are given. All figures in seconds.'),
    }

    # cpp_standalone: clean build, then the binary alone.
    build = os.path.join(args.work, 'standalone')
    cmd, wall, res = run_script(common + ['--target', 'cpp_standalone', '--build-dir', build],
                                os.path.join(args.work, 'standalone.json'))
    binary = []
    for _ in range(args.repeats):
        t0 = time.time()
        subprocess.run(['./main'], cwd=build, check=True, stdout=subprocess.DEVNULL)
        w = time.time() - t0
        with open(os.path.join(build, 'results', 'last_run_info.txt')) as f:
            loop = float(f.read().split()[0])
        binary.append({'wall_s': round(w, 4), 'simulation_loop_s': round(loop, 4)})
    timing['cpp_standalone'] = {
        'command': f'cd examples/cuba/brian2 && {cmd}',
        'build_dir': build,
        'process_wall_s': round(wall, 3),
        'run_call_wall_s': round(res['wall_time_run_s'], 3),
        'model_wall_s': round(res['wall_time_model_s'], 3),
        'brian2_timers_s': res['standalone_timers_s'],
        'build_s_note': ('run_call_wall_s is code generation + make (g++) + one run of the binary; '
                         'brian2_timers_s.make is the compilation alone'),
        'build_s_estimate': round(res['wall_time_run_s'] - res['standalone_timers_s']['run_binary'], 3),
        'prefs': res.get('standalone_prefs'),
        'binary_runs': binary,
        'binary_command': f'cd {build} && ./main',
        'binary_wall_median_s': round(statistics.median(b['wall_s'] for b in binary), 4),
        'binary_simulation_loop_median_s': round(statistics.median(b['simulation_loop_s'] for b in binary), 4),
        'total_spikes': res['total_spikes'],
        'rate_all_hz': res['rate_all_hz'],
    }

    # cython runtime: cold cache, then warm.
    cache = os.path.join(args.work, 'cython_cache')
    cmd, wall, res = run_script(common + ['--target', 'cython', '--cython-cache', cache],
                                os.path.join(args.work, 'cython_cold.json'))
    warm = []
    for k in range(args.repeats):
        _, w, r = run_script(common + ['--target', 'cython', '--cython-cache', cache],
                             os.path.join(args.work, f'cython_warm{k}.json'))
        warm.append({'process_wall_s': round(w, 3), 'run_call_wall_s': round(r['wall_time_run_s'], 3),
                     'model_wall_s': round(r['wall_time_model_s'], 3)})
    timing['cython'] = {
        'command': f'cd examples/cuba/brian2 && {cmd}',
        'cold_cache': {'process_wall_s': round(wall, 3), 'run_call_wall_s': round(res['wall_time_run_s'], 3),
                       'model_wall_s': round(res['wall_time_model_s'], 3)},
        'warm_cache_runs': warm,
        'warm_process_wall_median_s': statistics.median(w['process_wall_s'] for w in warm),
        'warm_run_call_wall_median_s': statistics.median(w['run_call_wall_s'] for w in warm),
        'warm_model_wall_median_s': statistics.median(w['model_wall_s'] for w in warm),
        'total_spikes': res['total_spikes'],
    }

    # numpy runtime.
    runs = []
    for k in range(args.repeats):
        cmd, w, r = run_script(common + ['--target', 'numpy'], os.path.join(args.work, f'numpy{k}.json'))
        runs.append({'process_wall_s': round(w, 3), 'run_call_wall_s': round(r['wall_time_run_s'], 3),
                     'model_wall_s': round(r['wall_time_model_s'], 3)})
    timing['numpy'] = {
        'command': f'cd examples/cuba/brian2 && {cmd}',
        'runs': runs,
        'process_wall_median_s': statistics.median(w['process_wall_s'] for w in runs),
        'run_call_wall_median_s': statistics.median(w['run_call_wall_s'] for w in runs),
        'model_wall_median_s': statistics.median(w['model_wall_s'] for w in runs),
        'total_spikes': r['total_spikes'],
    }
    timing['load_average_at_end'] = sh('cat /proc/loadavg')
    with open(args.out, 'w') as f:
        json.dump(timing, f, indent=1)
        f.write('\n')
    print(json.dumps(timing, indent=1))


if __name__ == '__main__':
    main()
