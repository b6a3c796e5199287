#!/bin/sh
# Replicate designs (issue 10): one domain table (mean of oop_cost and proportion insured_cnam by
# migrant_status × region) with `survey-pipe estimate` on a synthetic survey, back to back:
# Taylor linearization, 80 bootstrap replicates made from the design, and the same 80 replicates
# re-raked (sex, region, age_group), one line a run: wall and CPU seconds, peak resident MB.
#
#   Benchmarks/issue10/replicates.sh RUNS SYNTH_DIR [BINARY]
#   e.g. survey-pipe synth --rows 1000000 --seed 1 --out /tmp/synth1m
#        Benchmarks/issue10/replicates.sh 3 /tmp/synth1m .build/release/survey-pipe
# Environment: IDLE (load average to wait for before each run, default 1.0), OUT (logs, default
# /tmp/issue10-runs).
set -eu
runs=$1
dir=$2
binary=${3:-.build/release/survey-pipe}
idle=${IDLE:-1.0}
out=${OUT:-/tmp/issue10-runs}
mkdir -p "$out"
. "$(dirname "$0")/../wait-idle.sh"
design="--weight design_weight --strata stratum --psu psu --fpc fpc --lonely-psu adjust"
table="--mean oop_cost --proportion insured_cnam --by migrant_status,region"
i=1
while [ "$i" -le "$runs" ]; do
  for variant in taylor bootstrap80 bootstrap80-raked; do
    case $variant in
      taylor) extra="" ;;
      bootstrap80) extra="--replicates bootstrap=80 --seed 1" ;;
      bootstrap80-raked) extra="--replicates bootstrap=80 --seed 1 --rake sex,region,age_group --margins $dir/margins.csv" ;;
    esac
    sync
    wait_idle
    log="$out/$variant-$i.log"
    # shellcheck disable=SC2086
    /usr/bin/time -f "TIME %e %M %U %S" "$binary" estimate "$dir/survey.csv" $design $extra $table >"$log.csv" 2>"$log"
    printf '%s run %s: wall %s s, cpu %s s, peak %s MB, %s estimate rows\n' "$variant" "$i" \
      "$(awk '/^TIME/ {print $2}' "$log")" "$(awk '/^TIME/ {print $4 + $5}' "$log")" \
      "$(awk '/^TIME/ {printf "%.0f", $3 / 1024}' "$log")" "$(($(wc -l <"$log.csv") - 1))"
  done
  i=$((i + 1))
done
