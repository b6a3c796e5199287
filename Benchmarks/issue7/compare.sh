#!/bin/sh
# Runs `survey-pipe run` of two builds back to back on the same pipeline, alternating, and prints
# one line a run: build, wall seconds, CPU seconds (user + system), peak resident MB, the stage times of the progress lines
# and the artifact write times. Waits for the load average to fall below IDLE before each run.
#
#   Benchmarks/issue7/compare.sh RUNS PIPELINE.yml NAME=BINARY [NAME=BINARY...]
#   e.g. Benchmarks/issue7/compare.sh 5 /tmp/synth1m/pipeline.yml base=/tmp/bins/base new=/tmp/bins/new
# Environment: IDLE (default 1.0; at most two minutes), OUT (run folders under it, default /tmp/issue7-runs).
set -eu
runs=$1
pipeline=$2
shift 2
idle=${IDLE:-1.0}
out=${OUT:-/tmp/issue7-runs}
mkdir -p "$out"
. "$(dirname "$0")/../wait-idle.sh"
i=1
while [ "$i" -le "$runs" ]; do
  for pair in "$@"; do
    name=${pair%%=*}
    binary=${pair#*=}
    sync
    wait_idle
    load=$(cut -d' ' -f1 /proc/loadavg)
    log="$out/$name-$i.log"
    /usr/bin/time -f "TIME %e %M %U %S" "$binary" run "$pipeline" --out "$out/$name" >"$log" 2>&1
    stages=$(grep -E '^(ingest|validate|clean|weight|tabulate|write) .*\([0-9.]+ s\)$' "$log" | grep -v ' artifact ' | sed -E 's/^([a-z]+) .*\(([0-9.]+) s\)$/\1=\2/' | tr '\n' ' ')
    artifacts=$(grep -E ' artifact ' "$log" | sed -E 's/^([a-z]+) .*\(([0-9.]+) s\)$/\1.artifact=\2/' | tr '\n' ' ')
    printf '%s run %s: load %s, wall %s s, cpu %s s, peak %s MB; %s%s\n' "$name" "$i" "$load" \
      "$(awk '/^TIME/ {print $2}' "$log")" "$(awk '/^TIME/ {print $4 + $5}' "$log")" "$(awk '/^TIME/ {printf "%.0f", $3 / 1024}' "$log")" "$stages" "$artifacts"
  done
  i=$((i + 1))
done
