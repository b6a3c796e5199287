#!/bin/sh
# The labelled exports (issue 9): `survey-pipe run` of a synthetic survey's pipeline.yml without
# exports and with `--export dta,sav,xlsx`, alternating, back to back, one line a run: wall and
# CPU seconds, peak resident MB, the write stage's seconds and the sizes of the files written.
#
#   Benchmarks/issue9/exports.sh RUNS SYNTH_DIR [BINARY]
#   e.g. survey-pipe synth --rows 1000000 --seed 1 --out /tmp/synth1m
#        Benchmarks/issue9/exports.sh 3 /tmp/synth1m .build/release/survey-pipe
# Environment: IDLE (load average to wait for before each run, default 1.0), OUT (run folders,
# default /tmp/issue9-runs).
set -eu
runs=$1
dir=$2
binary=${3:-.build/release/survey-pipe}
idle=${IDLE:-1.0}
out=${OUT:-/tmp/issue9-runs}
mkdir -p "$out"
. "$(dirname "$0")/../wait-idle.sh"
i=1
while [ "$i" -le "$runs" ]; do
  for exports in none dta,sav,xlsx; do
    sync
    wait_idle
    log="$out/$exports-$i.log"
    flag=""
    [ "$exports" = none ] || flag="--export $exports"
    # shellcheck disable=SC2086
    /usr/bin/time -f "TIME %e %M %U %S" "$binary" run "$dir/pipeline.yml" --out "$out/run-$exports" $flag >"$log" 2>&1
    write=$(grep -E '^write .*\([0-9.]+ s\)$' "$log" | sed -E 's/.*\(([0-9.]+) s\)$/\1/')
    sizes=$(cd "$out/run-$exports" && ls -l tidy/survey.dta tidy/survey.sav tables.xlsx validation.xlsx 2>/dev/null | awk '{printf "%s %.1f MB; ", $9, $5 / 1048576}')
    printf 'exports %s run %s: wall %s s, cpu %s s, peak %s MB, write %s s; %s\n' "$exports" "$i" \
      "$(awk '/^TIME/ {print $2}' "$log")" "$(awk '/^TIME/ {print $4 + $5}' "$log")" "$(awk '/^TIME/ {printf "%.0f", $3 / 1024}' "$log")" "$write" "$sizes"
  done
  i=$((i + 1))
done
