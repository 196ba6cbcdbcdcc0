#!/bin/sh
# Runs the Brian2 reference configuration, one process at a time (single core).
# Usage: nohup sh run_reference.sh 1 2 > runs/run_reference.log 2>&1 &
cd "$(dirname "$0")"
mkdir -p runs
for s in "$@"; do
  echo "seed $s start $(date -Is)"
  /usr/bin/python3 diehl_cook_brian2.py --n-train 3000 --n-observe 1000 --n-test 1000 \
      --seed "$s" --target cython --out "runs/seed$s" > "runs/seed$s.log" 2>&1
  echo "seed $s exit $? end $(date -Is)"
done
