"""What the Brian2 reference scripts (examples/*/brian2/*_brian2.py) share: their common command
line options, choosing Brian2's code generation target, spike statistics, and writing the result.
Imported by those scripts; run them with Debian's Brian2 (/usr/bin/python3)."""
import json
import os
import sys

import numpy as np


def add_common_arguments(p, model):
    """--seed, --target, --build-dir, --cython-cache and --out (each script adds --duration and its own)."""
    p.add_argument('--seed', type=int, default=1)
    p.add_argument('--target', choices=['numpy', 'cython', 'cpp_standalone'], default='numpy')
    p.add_argument('--build-dir', default=None, help=f'cpp_standalone project directory (default /tmp/myelin_brian2_{model}_standalone_SEED)')
    p.add_argument('--cython-cache', default='/tmp/myelin_brian2_cython_cache', help='cache directory for the cython target')
    p.add_argument('--out', default=None, help='JSON file to write (default: stdout)')


def select_target(args, model):
    """Sets Brian2's device or code generation target; returns the standalone build directory (or None)."""
    from brian2 import prefs, set_device
    if args.target == 'cpp_standalone':
        build_dir = args.build_dir or f'/tmp/myelin_brian2_{model}_standalone_{args.seed}'
        set_device('cpp_standalone', directory=build_dir, build_on_run=True)
        return build_dir
    prefs.codegen.target = args.target
    if args.target == 'cython':
        prefs.codegen.runtime.cython.cache_dir = args.cython_cache
    return None


def command_line():
    """How this script was run, for the result."""
    return ' '.join(['/usr/bin/python3'] + [os.path.relpath(sys.argv[0], os.getcwd())] + sys.argv[1:])


def write_result(result, out):
    """The result as indented JSON, to the file out or to stdout."""
    text = json.dumps(result, indent=1)
    if out:
        with open(out, 'w') as f:
            f.write(text + '\n')
    else:
        print(text)


def spike_statistics(i, t, n, n_exc, duration, dt=1e-4, bin_width=0.010):
    """Statistics of spikes (neuron indices i, times t in seconds) of n neurons, the first n_exc excitatory."""
    i = np.asarray(i, dtype=np.int64)
    t = np.asarray(t, dtype=np.float64)
    counts = np.bincount(i, minlength=n)
    # CV of the inter-spike intervals, per neuron with at least 3 spikes (2 intervals).
    order = np.lexsort((t, i))
    i_s, t_s = i[order], t[order]
    cvs = []
    starts = np.searchsorted(i_s, np.arange(n), side='left')
    ends = np.searchsorted(i_s, np.arange(n), side='right')
    for k in range(n):
        if ends[k] - starts[k] >= 3:
            isi = np.diff(t_s[starts[k]:ends[k]])
            m = isi.mean()
            cvs.append(isi.std() / m if m > 0 else np.nan)
    cvs = np.asarray(cvs)
    # Population rate in 10 ms bins: spikes in the bin / (n * bin width), in Hz.
    # Binned by time step (spike times are multiples of dt) so that float rounding of t cannot move a
    # spike on a bin edge into the neighbouring bin: bin k holds steps [k*100, (k+1)*100).
    n_bins = int(round(duration / bin_width))
    steps_per_bin = int(round(bin_width / dt))
    step = np.rint(t / dt).astype(np.int64)
    hist = np.bincount(np.minimum(step // steps_per_bin, n_bins - 1), minlength=n_bins)
    pop_rate = hist / (n * bin_width)
    return {
        'total_spikes': int(len(i)),
        'rate_all_hz': float(counts.mean() / duration),
        'rate_exc_hz': float(counts[:n_exc].mean() / duration),
        'rate_inh_hz': float(counts[n_exc:].mean() / duration),
        'cv_isi_mean': float(np.nanmean(cvs)) if len(cvs) else None,
        'cv_isi_neurons': int(len(cvs)),
        'silent_fraction': float((counts == 0).mean()),
        'pop_rate_10ms_mean_hz': float(pop_rate.mean()),
        'pop_rate_10ms_std_hz': float(pop_rate.std()),
        'pop_rate_bins': int(n_bins),
    }
