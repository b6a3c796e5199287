#!/usr/bin/env bash
# Issue 11: the raked job in survey-pipe, Python svy and R survey, back to back, at 100k, 1M and
# 5M rows, plus the libcsv limit (libcsv alone parsing the same file on one core).
#
# Usage: Benchmarks/issue11/side-by-side.sh [SIZES] [RUNS]
#   SIZES  rows, space-separated ["100000 1000000 5000000"]
#   RUNS   runs per tool per size; the 5M size runs once whatever RUNS says (R takes ~10 min) [2]
# Environment: as Benchmarks/peers/run-raked.sh (SURVEY_PIPE, DATA_ROOT, PYTHON, WAIT_QUIET).
# Needs: a C compiler and libcsv-dev for the limit; see Benchmarks/peers/README.md for the rest.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
SIZES=${1:-"100000 1000000 5000000"}
RUNS=${2:-2}
export DATA_ROOT=${DATA_ROOT:-/tmp/survey-pipe-raked}
limit=$DATA_ROOT/libcsv-limit
mkdir -p "$DATA_ROOT"
cc -O2 -o "$limit" "$repo/Benchmarks/libcsv-limit/parse.c" -lcsv
for n in $SIZES; do
  runs=$RUNS
  (( n >= 5000000 )) && runs=1
  # Makes the data when missing (the survey-pipe run of run-raked.sh would too).
  TOOLS=survey-pipe WAIT_QUIET=0 "$repo/Benchmarks/peers/run-raked.sh" "$n" 1 > /dev/null
  echo "== libcsv limit, $n rows (one core; parse alone, then with reading the file)"
  for k in 1 2 3; do "$limit" "$DATA_ROOT/n$n/survey.csv" oop_cost | tail -1; done
  echo "== the raked job, $n rows"
  JOB=table "$repo/Benchmarks/peers/run-raked.sh" "$n" "$runs"
done
