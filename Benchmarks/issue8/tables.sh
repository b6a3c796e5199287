#!/bin/sh
# The 20-table run beside the 10-table run (issue 8): `survey-pipe run` of a synthetic survey's
# pipeline.yml (10 tables) and pipeline-indicators.yml (the same plus quantiles, differences
# between rounds, Rao–Scott tests and a derived variable: 20 tables), alternating, back to back,
# one line a run: wall and CPU seconds, peak resident MB, and the stage times.
#
#   Benchmarks/issue8/tables.sh RUNS SYNTH_DIR [BINARY]
#   e.g. survey-pipe synth --rows 1000000 --seed 1 --out /tmp/synth1m
#        Benchmarks/issue8/tables.sh 5 /tmp/synth1m .build/release/survey-pipe
# Environment: IDLE (load average to wait for before each run, default 1.0), OUT (run folders,
# default /tmp/issue8-runs).
set -eu
runs=$1
dir=$2
binary=${3:-.build/release/survey-pipe}
idle=${IDLE:-1.0}
out=${OUT:-/tmp/issue8-runs}
mkdir -p "$out"
. "$(dirname "$0")/../wait-idle.sh"
i=1
while [ "$i" -le "$runs" ]; do
  for name in pipeline pipeline-indicators; do
    sync
    wait_idle
    log="$out/$name-$i.log"
    /usr/bin/time -f "TIME %e %M %U %S" "$binary" run "$dir/$name.yml" --out "$out/$name" >"$log" 2>&1
    stages=$(grep -E '^(ingest|validate|clean|weight|tabulate|write) .*\([0-9.]+ s\)$' "$log" | grep -v ' artifact ' | sed -E 's/^([a-z]+) .*\(([0-9.]+) s\)$/\1=\2/' | tr '\n' ' ')
    printf '%s run %s: wall %s s, cpu %s s, peak %s MB; %s\n' "$name" "$i" \
      "$(awk '/^TIME/ {print $2}' "$log")" "$(awk '/^TIME/ {print $4 + $5}' "$log")" "$(awk '/^TIME/ {printf "%.0f", $3 / 1024}' "$log")" "$stages"
  done
  i=$((i + 1))
done
