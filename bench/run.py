#!/usr/bin/python3
"""Side-by-side benchmarks: each model of bench/ run by Myelin and by Brian2 on the same size and
duration, alternating, several repetitions; prints medians and the ratios Myelin/Brian2.

    /usr/bin/python3 bench/run.py                      # everything, 3 repetitions (~15-30 min)
    /usr/bin/python3 bench/run.py --only cuba,stdp --repeats 5
    /usr/bin/python3 bench/run.py --no-cython --threads 2

For each benchmark and repetition, in this order:
  * Myelin: `./myelin run bench/MODEL.myl --set n=N --set duration=D` in a new process; the
    simulation time is `timings.simulate` of its manifest.json, the whole-process time is the wall
    time from launching the command to its results written.
  * Brian2 cpp_standalone: the project is generated and compiled once per benchmark (reported as
    "first build"). Then in each repetition the binary alone (`DIR/main`): its simulation time is
    the one it writes in results/last_run_info.txt, and its wall time is reported as "binary"; and
    the whole process with the build cached: the Python script again on the same directory (import
    brian2, code generation, make finding nothing to recompile, the run).
  * Brian2 Cython runtime: one untimed run first fills Cython's cache; then the time of run()
    (code generation with a warm cache, and the time steps) and the whole process (with
    `import brian2`).
Ratios are medians of Myelin over medians of Brian2: below 1 means Myelin is faster.
Brian2 is Debian's python3-brian, installed with apt-get when missing. Results also go to a JSON
file (--out, default bench/results/DATE.json) with the machine's description.
"""
import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, 'bench')
PYTHON = '/usr/bin/python3'

# name -> (model file, n, model seconds)
BENCHMARKS = {
    'cuba': ('cuba', 4000, 1.0),
    'cobahh': ('cobahh', 4000, 1.0),
    'stdp': ('stdp', 1000, 100.0),
    'izhikevich_network': ('izhikevich_network', 1000, 1.0),
    'cuba_16k': ('cuba', 16000, 1.0),
    'cuba_64k': ('cuba', 64000, 1.0),
}


def sh(cmd):
    return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()


def ensure_brian2():
    if subprocess.run([PYTHON, '-c', 'import brian2'], capture_output=True).returncode == 0:
        return
    print('bench: Brian2 is missing; installing Debian\'s python3-brian', file=sys.stderr)
    sudo = [] if os.geteuid() == 0 else ['sudo']
    subprocess.run(sudo + ['apt-get', 'update', '-qq'], check=True)
    subprocess.run(sudo + ['apt-get', 'install', '-y', '-qq', 'python3-brian'], check=True)


def timed(cmd, cwd=None):
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f'{" ".join(cmd)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}')
    return wall, proc.stdout


def myelin(model, n, duration, work, threads):
    out = os.path.join(work, 'myelin')
    shutil.rmtree(out, ignore_errors=True)
    cmd = [os.path.join(ROOT, 'myelin'), 'run', os.path.join(BENCH, model + '.myl'),
           '--set', f'n={n}', '--set', f'duration={duration}second', '--out', out]
    if threads:
        cmd += ['--threads', str(threads)]
    wall, _ = timed(cmd)
    with open(os.path.join(out, 'manifest.json')) as f:
        manifest = json.load(f)
    timings = manifest['timings']
    compile_s = sum(timings[k] for k in ('parse', 'check', 'lower', 'generate', 'compile') if k in timings)
    return dict(sim=timings['simulate'], process=wall, compile=compile_s)


def brian2_build(model, n, duration, work):
    build = os.path.join(work, f'standalone_{model}_{n}')
    shutil.rmtree(build, ignore_errors=True)
    wall, _ = timed([PYTHON, os.path.join(BENCH, 'brian2', 'models.py'), model, '--n', str(n),
                     '--duration', str(duration), '--device', 'cpp_standalone', '--build-dir', build])
    return build, wall


def brian2_standalone(model, n, duration, build):
    process, _ = timed([PYTHON, os.path.join(BENCH, 'brian2', 'models.py'), model, '--n', str(n),
                        '--duration', str(duration), '--device', 'cpp_standalone', '--build-dir', build, '--run'])
    binary, _ = timed([os.path.join(build, 'main')], cwd=build)
    with open(os.path.join(build, 'results', 'last_run_info.txt')) as f:
        sim = float(f.read().split()[0])
    return dict(sim=sim, binary=binary, process=process)


def brian2_cython(model, n, duration, work):
    out = os.path.join(work, 'cython.json')
    wall, _ = timed([PYTHON, os.path.join(BENCH, 'brian2', 'models.py'), model, '--n', str(n),
                     '--duration', str(duration), '--device', 'cython', '--out', out])
    with open(out) as f:
        res = json.load(f)
    return dict(sim=res['run_s'], process=wall)


def median(runs, key):
    return statistics.median(r[key] for r in runs)


def machine():
    return dict(date=sh('date -Iseconds'), cpu=sh("lscpu | grep 'Model name' | sed 's/.*: *//'"),
                nproc=sh('nproc'), memory=sh("free -g | awk '/Mem:/ {print $2 \" GiB\"}'"),
                java=sh('java -version 2>&1 | head -1'), gxx=sh('g++ --version | head -1'),
                brian2=sh(f'{PYTHON} -c "import brian2; print(brian2.__version__)" 2>/dev/null'),
                load_at_start=sh('cat /proc/loadavg'))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--only', default=','.join(BENCHMARKS), help='comma-separated benchmark names: ' + ', '.join(BENCHMARKS))
    p.add_argument('--repeats', type=int, default=3)
    p.add_argument('--threads', type=int, default=0, help="Myelin's --threads (default: not given)")
    p.add_argument('--no-cython', action='store_true', help="skip Brian2's Cython runtime mode")
    p.add_argument('--no-standalone', action='store_true', help="skip Brian2's cpp_standalone mode")
    p.add_argument('--duration-scale', type=float, default=1.0, help='multiply every duration (for a quick check)')
    p.add_argument('--out', default=None)
    args = p.parse_args()
    ensure_brian2()
    names = [x for x in args.only.split(',') if x]
    for name in names:
        if name not in BENCHMARKS:
            sys.exit(f'bench: unknown benchmark {name!r}; known: {", ".join(BENCHMARKS)}')
    work = tempfile.mkdtemp(prefix='myelin_bench_')
    report = dict(machine=machine(), repeats=args.repeats, threads=args.threads, benchmarks={})
    print(f"machine: {report['machine']['cpu']}, {report['machine']['nproc']} cores; "
          f"{report['machine']['java']}; Brian2 {report['machine']['brian2']}", flush=True)
    for name in names:
        model, n, duration = BENCHMARKS[name]
        duration *= args.duration_scale
        print(f'\n{name}: n={n}, {duration:g} s of model time', flush=True)
        entry = dict(model=model, n=n, duration=duration, myelin=[], standalone=[], cython=[])
        if not args.no_standalone:
            build, build_s = brian2_build(model, n, duration, work)
            entry['standalone_first_build_s'] = build_s
            print(f'  brian2 standalone: generated and compiled in {build_s:.1f} s', flush=True)
        if not args.no_cython:
            brian2_cython(model, n, duration, work)  # fills the Cython cache; not timed
        for rep in range(args.repeats):
            entry['myelin'].append(myelin(model, n, duration, work, args.threads))
            if not args.no_standalone:
                entry['standalone'].append(brian2_standalone(model, n, duration, build))
            if not args.no_cython:
                entry['cython'].append(brian2_cython(model, n, duration, work))
            line = ', '.join(f'{k} {entry[k][-1]["sim"]:.3f} s' for k in ('myelin', 'standalone', 'cython') if entry[k])
            print(f'  repetition {rep + 1}: simulation {line}', flush=True)
        summary = {}
        for k in ('myelin', 'standalone', 'cython'):
            if entry[k]:
                summary[k] = dict(sim=median(entry[k], 'sim'), process=median(entry[k], 'process'))
        summary['myelin']['compile'] = median(entry['myelin'], 'compile')
        if 'standalone' in summary:
            summary['standalone']['binary'] = median(entry['standalone'], 'binary')
        for k in ('standalone', 'cython'):
            if k in summary:
                summary['ratio_sim_' + k] = summary['myelin']['sim'] / summary[k]['sim']
                summary['ratio_process_' + k] = summary['myelin']['process'] / summary[k]['process']
        summary['myelin_s_per_neuron_second'] = summary['myelin']['sim'] / (n * duration)
        entry['median'] = summary
        report['benchmarks'][name] = entry
        if not args.no_standalone:
            shutil.rmtree(build, ignore_errors=True)
    print('\nmedians (seconds); ratio = Myelin / Brian2 (below 1: Myelin faster)')
    print('sim: simulation time; proc: whole process (Brian2 standalone: Python script with the build cached)')
    header = f'{"benchmark":<20}{"myelin sim":>11}{"standalone":>11}{"ratio":>7}{"cython":>9}{"ratio":>7}' \
             f'{"myelin proc":>12}{"standalone":>11}{"ratio":>7}{"binary":>8}'
    print(header)
    for name, entry in report['benchmarks'].items():
        m = entry['median']
        def cell(k, field, width):
            return f'{m[k][field]:>{width}.3f}' if k in m else ' ' * (width - 1) + '-'
        def ratio(key):
            return f'{m[key]:>7.2f}' if key in m else '      -'
        print(f'{name:<20}{cell("myelin", "sim", 11)}{cell("standalone", "sim", 11)}{ratio("ratio_sim_standalone")}'
              f'{cell("cython", "sim", 9)}{ratio("ratio_sim_cython")}'
              f'{cell("myelin", "process", 12)}{cell("standalone", "process", 11)}{ratio("ratio_process_standalone")}'
              f'{cell("standalone", "binary", 8)}')
    out = args.out or os.path.join(BENCH, 'results', datetime.date.today().isoformat() + '.json')
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, 'w') as f:
        json.dump(report, f, indent=1)
    print(f'\nresults: {out}')
    shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()
