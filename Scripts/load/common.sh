# Sourced by Scripts/load.sh and Scripts/load-rspamd.sh (from the repository root): their common
# arguments [seconds=20] [connections=16] [threads=2], the chat messages both send, and the measured
# run. The sourcing script sets $work (a temporary directory holding bodies.lua) and defines
# cpu_ticks (the server's CPU ticks so far) before calling measure.
seconds="${1:-20}"
connections="${2:-16}"
threads="${3:-2}"
data="${PARLEY_SHARED_DATA:-$PWD/../shared/data}/chat/dev.tsv"
command -v wrk >/dev/null || { echo "error: wrk is missing (apt-get install wrk)" >&2; exit 1; }
[ -f "$data" ] || { echo "error: $data not found (set PARLEY_SHARED_DATA)" >&2; exit 1; }

# measure SCRIPT URL: wrk with the Lua script for $seconds, then its figures; sets $requests and
# $ticks (the server's CPU ticks during the run).
measure() {
    local before after
    before=$(cpu_ticks)
    LOAD_BODIES="$work/bodies.lua" wrk -t "$threads" -c "$connections" -d "${seconds}s" --latency -s "$1" "$2" > "$work/wrk.txt"
    after=$(cpu_ticks)
    grep -E '^(messages/s|p50|p99|requests):' "$work/wrk.txt"
    requests=$(sed -n 's/^requests: \([0-9]*\),.*/\1/p' "$work/wrk.txt")
    ticks=$((after - before))
}
