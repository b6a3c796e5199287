# Sourced by the benchmark scripts: wait_idle waits (at most two minutes) until the one-minute
# load average is below $idle, so that back-to-back runs start on a quiet machine.
wait_idle() {
  tries=0
  while [ "$tries" -lt 24 ]; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    if awk -v l="$load" -v i="$idle" 'BEGIN { exit !(l < i) }'; then return; fi
    sleep 5
    tries=$((tries + 1))
  done
}
