#!/usr/bin/env bash
# Measures, inside Redis, what one call of each RedisModerationState script costs: starts a
# throw-away redis-server on a free loopback port, loads the Lua scripts as they are in
# Sources/ParleyRedis/RedisModerationScripts.swift, and drives them with redis-benchmark
# (16 connections). The fingerprint script is measured with 50 and 200 entries per sender.
# Usage: Scripts/redis-bench.sh [requests]   (default 50000)
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-50000}
command -v redis-server >/dev/null || { echo "error: redis-server not installed (Scripts/setup.sh)" >&2; exit 1; }

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --loglevel warning >/dev/null &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
cli() { redis-cli -p "$port" "$@"; }
for _ in $(seq 50); do cli PING >/dev/null 2>&1 && break; sleep 0.1; done

script() {  # the Lua source of one script: the shared window prologue + its body
    python3 - "$1" <<'PY'
import re, sys, textwrap
source = open("Sources/ParleyRedis/RedisModerationScripts.swift").read()
def literal(pattern):
    match = re.search(pattern + r'"""\n(.*?)\n\s*"""', source, re.S)
    if not match:
        sys.exit("error: cannot find script " + sys.argv[1] + " in RedisModerationScripts.swift")
    return textwrap.dedent(match.group(1))
print(literal(r'trimWindow = ') + "\n" + literal(r'name: "' + sys.argv[1] + r'",\s*source: trimWindow \+ '))
PY
}
admit=$(cli SCRIPT LOAD "$(script admit)")
fingerprint=$(cli SCRIPT LOAD "$(script recordFingerprint)")
now=1764000000
bench() { redis-benchmark -p "$port" -c 16 -n "$requests" -q "$@" 2>&1 | tr '\r' '\n' | grep 'requests per second' | sed 's/^.*: \([0-9.]* requests per second.*\)$/\1/'; }

echo "PING (baseline):                      $(bench PING)"
echo "countEvent (admit, new member):       $(bench EVALSHA "$admit" 1 'parley:rate:__rand_int__' $now 3600 50 'e__rand_int__')"
for entries in 50 200; do
    cli DEL parley:bulk:x >/dev/null
    for i in $(seq "$entries"); do
        echo "EVALSHA $fingerprint 1 parley:bulk:x $now 3600 $((RANDOM * 65536 + RANDOM)) $((RANDOM * 65536 + RANDOM)) r$i 3 $entries"
    done | cli >/dev/null
    printf 'recordFingerprint, %4d entries:     %s\n' "$entries" \
        "$(bench EVALSHA "$fingerprint" 1 parley:bulk:x $now 3600 4042322160 1234 'r__rand_int__' 3 "$entries")"
done
