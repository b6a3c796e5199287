#!/usr/bin/env bash
# Peer benchmark, "raked job": survey-pipe, Python svy and R survey back to back on the same
# synthetic file, each as a whole process under /usr/bin/time -v (wall time, peak RSS); then
# the three tools' estimates are compared (largest relative difference against R).
#
# The job (the same in all three): stratified cluster design (strata = stratum, PSU = psu
# nested in strata, fpc = PSUs in the stratum, weights = design_weight, lonely PSU "adjust"),
# raked to the sex, region and age_group margins of margins.csv; mean of oop_cost by
# migrant_status x region (JOB=table), or that and the overall mean (JOB=table+overall), with
# SEs that take the raking into account. survey-pipe does JOB=table in one `estimate` call
# (with --by) and JOB=table+overall in two (with and without --by), timed together as one
# `sh -c` (wall time of both, peak RSS of the larger); svy-raked.py and r-survey-raked.R do
# either in one process (see their headers).
#
# Usage (from anywhere):
#   Benchmarks/peers/run-raked.sh N [RUNS]
#     N      rows: data from `survey-pipe synth --rows N --seed 1` in $DATA_ROOT/nN (made if
#            missing)
#     RUNS   how many times to run each tool (default 1); runs go round the tools in turn
# Environment (defaults in brackets):
#   JOB          table (the domain table only) or table+overall (and the overall mean) [table]
#   DATA_ROOT    where the data folders go [/tmp/survey-pipe-raked]
#   SURVEY_PIPE  the binary [.build-bench/release/survey-pipe, else .build/release/survey-pipe];
#                build it with: swift build -c release --scratch-path .build-bench
#   PYTHON       a Python with svy installed [/work/venv-peers/bin/python, else python3]
#   TOOLS        which tools, in this order ["survey-pipe svy r"]
#   MEM_LIMIT_GB a tool whose processes pass this resident size is killed and reported [22]
#   WAIT_QUIET   before each run, wait up to this many seconds for an idle machine [600]
# Needs: /usr/bin/time (Debian: time), Rscript with survey and data.table
# (r-base-core r-cran-survey r-cran-data.table), svy in $PYTHON (pip install svy==0.35),
# python3 for the comparison (standard library only).
# Output: a table of wall time and peak RSS per tool and run, the agreement figures; the logs
# of /usr/bin/time and of each tool, and the estimates, in $DATA_ROOT/nN/out/$JOB/.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
N=${1:?usage: run-raked.sh N [RUNS]}
RUNS=${2:-1}
JOB=${JOB:-table}
[[ $JOB == table || $JOB == table+overall ]] || { echo "JOB must be table or table+overall" >&2; exit 1; }
DATA_ROOT=${DATA_ROOT:-/tmp/survey-pipe-raked}
TOOLS=${TOOLS:-"survey-pipe svy r"}
MEM_LIMIT_GB=${MEM_LIMIT_GB:-22}
WAIT_QUIET=${WAIT_QUIET:-600}
if [[ -z ${SURVEY_PIPE:-} ]]; then
  SURVEY_PIPE=$repo/.build-bench/release/survey-pipe
  [[ -x $SURVEY_PIPE ]] || SURVEY_PIPE=$repo/.build/release/survey-pipe
fi
if [[ -z ${PYTHON:-} ]]; then
  PYTHON=/work/venv-peers/bin/python
  [[ -x $PYTHON ]] || PYTHON=python3
fi
[[ -x $SURVEY_PIPE ]] || { echo "no survey-pipe binary at $SURVEY_PIPE" >&2; exit 1; }

dir=$DATA_ROOT/n$N
out=$dir/out/$JOB
mkdir -p "$out"
if [[ ! -s $dir/survey.csv || ! -s $dir/margins.csv ]]; then
  "$SURVEY_PIPE" synth --rows "$N" --seed 1 --out "$dir" >&2
fi
echo "data: $dir/survey.csv ($(stat -c %s "$dir/survey.csv") bytes), $(nproc) cores," \
     "$(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo) memory; JOB=$JOB" >&2

# The command line of each tool; $1 = the run's output prefix.
cmd_survey_pipe() {
  local sp d=$dir/survey.csv m=$dir/margins.csv
  sp="'$SURVEY_PIPE' estimate '$d' --weight design_weight --strata stratum --psu psu --fpc fpc"
  sp+=" --lonely-psu adjust --rake sex,region,age_group --margins '$m' --mean oop_cost"
  sp+=" --format csv"
  if [[ $JOB == table ]]; then
    echo "$sp --by migrant_status,region > '$1.csv'"
  else
    echo "$sp --by migrant_status,region > '$1.csv' && $sp > '$1-overall.csv'"
  fi
}
cmd_svy() { echo "JOB='$JOB' '$PYTHON' '$here/svy-raked.py' '$dir' '$1.csv'"; }
cmd_r() { echo "JOB='$JOB' Rscript '$here/r-survey-raked.R' '$dir' '$1.csv'"; }

# Resident size (kB) of process $1 and all its descendants; tree_pids: their ids.
tree_rss() {
  ps -e -o pid=,ppid=,rss= | awk -v root="$1" '
    { par[$1] = $2; rss[$1] = $3 }
    END { for (p in par) { q = p
            while (q != "" && q != root && q in par && q != par[q]) q = par[q]
            if (q == root) t += rss[p] }
          print t + 0 }'
}
tree_pids() {
  ps -e -o pid=,ppid= | awk -v root="$1" '
    { par[$1] = $2 }
    END { for (p in par) { q = p
            while (q != "" && q != root && q in par && q != par[q]) q = par[q]
            if (q == root) print p } }'
}

# Busy CPU seconds of the whole machine since boot (all cores), from /proc/stat.
busy_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '/^cpu / { printf "%.2f", ($2 + $3 + $4 + $7 + $8 + $9) / hz }' /proc/stat
}

# Wait (at most WAIT_QUIET seconds) until the machine is idle: under 0.3 CPU seconds used
# in 3 seconds, so that other people's builds and tests do not share the cores with a run.
wait_quiet() {
  local waited=0 a b
  while (( waited < WAIT_QUIET )); do
    a=$(busy_seconds); sleep 3; b=$(busy_seconds)
    awk -v a="$a" -v b="$b" 'BEGIN { exit !(b - a < 0.3) }' && return 0
    waited=$((waited + 3))
  done
  echo "machine still busy after ${WAIT_QUIET} s: running anyway" >&2
}

# Run one tool once under /usr/bin/time -v with a memory watchdog; print "wall rss_mb status".
run_one() {
  local tool=$1 run=$2 prefix=$out/$1-run$2 cmd pid status limit_kb peak=0 rss killed=0
  case $tool in
    survey-pipe) cmd=$(cmd_survey_pipe "$prefix") ;;
    svy) cmd=$(cmd_svy "$prefix") ;;
    r) cmd=$(cmd_r "$prefix") ;;
    *) echo "unknown tool $tool" >&2; return 1 ;;
  esac
  echo "$cmd" > "$prefix.cmd"
  limit_kb=$((MEM_LIMIT_GB * 1048576))
  /usr/bin/time -v -o "$prefix.time" sh -c "$cmd" > "$prefix.stdout" 2> "$prefix.stderr" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    rss=$(tree_rss "$pid")
    (( rss > peak )) && peak=$rss
    if (( rss > limit_kb )); then
      echo "$tool run $run: resident size $((rss / 1024)) MB passed ${MEM_LIMIT_GB} GB: killed" >&2
      kill $(tree_pids "$pid") 2>/dev/null || true
      killed=1
      break
    fi
    sleep 1
  done
  status=0
  wait "$pid" || status=$?
  if (( killed )); then
    echo "- - $((peak / 1024)) killed(>${MEM_LIMIT_GB}GB)"
    return
  fi
  awk -v st="$status" '
    /Elapsed \(wall clock\)/ { n = split($NF, a, ":"); s = 0
                               for (i = 1; i <= n; i++) s = s * 60 + a[i] }
    /User time/ { c += $NF } /System time/ { c += $NF }
    /Maximum resident set size/ { m = $NF }
    END { printf "%.2f %.2f %.0f %s\n", s, c, m / 1024, (st == 0 ? "ok" : "exit=" st) }' "$prefix.time"
}

results=()
for ((k = 1; k <= RUNS; k++)); do
  for tool in $TOOLS; do
    wait_quiet
    echo "N=$N run $k: $tool ..." >&2
    b0=$(busy_seconds)
    r=$(run_one "$tool" "$k")
    b1=$(busy_seconds)
    # CPU time that other processes (not this tool) used on the machine during the run
    other=$(awk -v b0="$b0" -v b1="$b1" '
      /User time/ { c += $NF } /System time/ { c += $NF }
      END { o = b1 - b0 - c; printf "%.1f", (o < 0 ? 0 : o) }' "$out/$tool-run$k.time")
    results+=("$tool $k $r $other")
    echo "  $r" >&2
  done
done

echo
echo "N = $N rows, $(stat -c %s "$dir/survey.csv") bytes, JOB=$JOB; wall time and peak RSS of the whole process"
echo "(other CPU: CPU seconds that other processes used during the run, on $(nproc) cores)"
printf '%-12s %4s %10s %10s %12s %11s  %s\n' tool run "wall (s)" "CPU (s)" "peak RSS MB" "other CPU s" status
for line in "${results[@]}"; do
  read -r tool k wall cpu rss st other <<< "$line"
  printf '%-12s %4s %10s %10s %12s %11s  %s\n' "$tool" "$k" "$wall" "$cpu" "$rss" "$other" "$st"
done
# Ratios of the best (lowest) wall time of each tool to survey-pipe's best.
printf '%s\n' "${results[@]}" | awk '
  $6 == "ok" { if (!($1 in best) || $3 < best[$1]) best[$1] = $3; if (!($1 in cpu) || $4 < cpu[$1]) cpu[$1] = $4 }
  END { if (!("survey-pipe" in best)) exit
        printf "\nbest wall time over survey-pipe'"'"'s (CPU time in brackets):"
        for (t in best) if (t != "survey-pipe") printf "  %s %.1fx (%.1fx)", t, best[t] / best["survey-pipe"], cpu[t] / cpu["survey-pipe"]
        printf "\n" }'

# Agreement: the last run of each tool against R (or whatever ran).
python3 - "$out" "$RUNS" "$JOB" <<'EOF'
import csv, os, sys
out, runs, job = sys.argv[1], int(sys.argv[2]), sys.argv[3]
overall = job == "table+overall"

def load(tool):
    p = f"{out}/{tool}-run{runs}.csv"
    if not os.path.exists(p) or os.path.getsize(p) == 0:
        return None
    res = {}
    if tool == "survey-pipe":
        for r in csv.DictReader(open(p)):
            res[(r["migrant_status"], r["region"])] = (float(r["estimate"]), float(r["se"]))
        po = f"{out}/{tool}-run{runs}-overall.csv"
        if overall and os.path.exists(po):
            for r in csv.DictReader(open(po)):
                res[("", "")] = (float(r["estimate"]), float(r["se"]))
    else:
        for r in csv.DictReader(open(p)):
            res[(r["migrant_status"], r["region"])] = (float(r["estimate"]), float(r["se"]))
    return res

tools = {t: load(t) for t in ("survey-pipe", "svy", "r")}
ref = tools["r"]
print()
if ref is None:
    print("agreement: no R results to compare with")
    sys.exit(0)
dom = [k for k in ref if k != ("", "")]
if overall:
    print(f"agreement with R ({len(dom)} domains + the overall mean): largest relative difference")
    print(f"{'tool':<12} {'domains':>8} {'mean':>10} {'SE':>10} {'overall mean':>13} {'overall SE':>11}")
else:
    print(f"agreement with R ({len(dom)} domains): largest relative difference")
    print(f"{'tool':<12} {'domains':>8} {'mean':>10} {'SE':>10}")
for t in ("survey-pipe", "svy"):
    res = tools[t]
    if res is None:
        print(f"{t:<12} no results")
        continue
    missing = [k for k in ref if k not in res]
    extra = [k for k in res if k not in ref]
    rel = lambda a, b: abs(a - b) / abs(b) if b != 0 else abs(a - b)
    de = max(rel(res[k][0], ref[k][0]) for k in dom if k in res)
    ds = max(rel(res[k][1], ref[k][1]) for k in dom if k in res)
    oe = rel(res[("", "")][0], ref[("", "")][0]) if ("", "") in res else float("nan")
    os_ = rel(res[("", "")][1], ref[("", "")][1]) if ("", "") in res else float("nan")
    note = ""
    if missing or extra:
        note = f"  (missing {missing}, extra {extra})"
    cols = f" {oe:>13.2e} {os_:>11.2e}" if overall else ""
    print(f"{t:<12} {len(dom) - len(missing):>8} {de:>10.2e} {ds:>10.2e}{cols}{note}")
EOF
