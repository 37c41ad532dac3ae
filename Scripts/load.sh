#!/usr/bin/env bash
# Load test of the sidecar: builds release, starts `parley serve` on a free loopback port, drives
# POST /v1/moderate with wrk (Debian package `wrk`) over the messages of ../shared/data/chat/dev.tsv,
# and prints messages/s, p50, p99, the server's CPU time per message (user + system, from /proc: far
# less sensitive than messages/s to what else the machine runs) and its peak RSS.
# Usage: Scripts/load.sh [seconds=20] [connections=16] [threads=2]
# LOAD_BINARY=path measures that parley binary instead of building this tree (before/after comparisons).
# LOAD_RELOAD_EVERY=N also sends SIGHUP every N seconds during the run (a full lexicon reload each
# time): the non-2xx count then says whether any request failed during the swaps.
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/load/common.sh "$@"

binary="${LOAD_BINARY:-}"
if [ -z "$binary" ]; then
    swift build -c release --product parley >&2
    binary=.build/release/parley
fi
work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# The message texts as JSON strings in a Lua table (third column of the TSV).
python3 - "$data" > "$work/bodies.lua" <<'PY'
import json, sys
texts = [line.rstrip("\n").split("\t", 2)[2] for line in open(sys.argv[1], encoding="utf-8") if line.count("\t") >= 2]
print("return {")
for text in texts:
    print("  " + json.dumps(json.dumps(text, ensure_ascii=False), ensure_ascii=False) + ",")
print("}")
PY

# A free loopback port; warnings only in the log, so that logging blocked messages is not measured.
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
PARLEY_LEXICONS="$PWD/Lexicons" PARLEY_MODELS="$PWD/Models" PARLEY_LOG_LEVEL=warning \
    "$binary" serve --host 127.0.0.1 --port "$port" 2> "$work/server.log" &
server=$!
for _ in $(seq 1 200); do
    curl -sf "http://127.0.0.1:$port/readyz" > /dev/null 2>&1 && break
    kill -0 "$server" 2>/dev/null || { echo "error: the server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
    sleep 0.05
done

echo "messages: $(grep -c . "$data") from $data; ${seconds}s, $connections connections, $threads wrk threads, port $port; load average $(cut -d' ' -f1-3 /proc/loadavg)"
# Warm up (first use of each worker), then measure.
LOAD_BODIES="$work/bodies.lua" wrk -t "$threads" -c "$connections" -d 2s -s Scripts/load/moderate.lua "http://127.0.0.1:$port" > /dev/null
reloader=""
if [ -n "${LOAD_RELOAD_EVERY:-}" ]; then
    ( while sleep "$LOAD_RELOAD_EVERY"; do kill -HUP "$server" 2>/dev/null || exit 0; done ) &
    reloader=$!
fi
# CPU ticks (user + system) of the server: fields 14 and 15 of /proc/PID/stat.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
measure Scripts/load/moderate.lua "http://127.0.0.1:$port"
awk -v ticks="$ticks" -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    'BEGIN {printf "server CPU per message: %.1f µs (%d requests)\n", ticks / hz * 1e6 / n, n}'
if [ -n "$reloader" ]; then
    kill "$reloader" 2>/dev/null || true
    curl -s "http://127.0.0.1:$port/metrics" | awk '/^parley_resources_loads_total/ {loads = $2 - 1} /^parley_resources_reload_failures_total/ {failed = $2} END {printf "reloads during the run: %d (failed: %d)\n", loads, failed}'
fi
echo "peak RSS: $(awk '/VmHWM/ {printf "%.1f MB", $2 / 1024}' "/proc/$server/status")"
