#!/usr/bin/python3
"""Print a markdown table of the runs in runs/*/metrics.json (for README.md)."""
import json
import sys
from pathlib import Path

root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / 'runs'
rows = []
for m in sorted(root.glob('*/metrics.json')):
    d = json.loads(m.read_text())
    sps = d['seconds_per_sample']
    ws = d['wall_seconds']
    rows.append('| %s | %d / %d / %d | %d | %.4f | %.4f | %.3f | %.3f | %.3f | %.0f | %s |' % (
        m.parent.name, d['n_train'], d['n_observe'], d['n_test'], d['seed'], d['accuracy'],
        d['accuracy_silent_neurons_unassigned'], sps['train'], sps['observe'], sps['test'],
        ws['total'], d['target']))
print('| run | train / observe / test | seed | accuracy | accuracy (silent unassigned) '
      '| s/sample train | s/sample observe | s/sample test | total wall s | target |')
print('|---|---|---|---|---|---|---|---|---|---|')
print('\n'.join(rows))
