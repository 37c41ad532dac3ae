#!/usr/bin/env bash
# Contract check: runs schemathesis (PyPI) against a started sidecar, the public API and the admin
# API (with its bearer token), from openapi.yaml. Every check is on (server errors, status codes,
# content types, response schemas, valid data accepted, invalid data refused…). Bounded in time:
# SCHEMATHESIS_MAX_EXAMPLES cases per operation (default 60) and SCHEMATHESIS_TIMEOUT seconds per
# API (default 240). Prints "schemathesis: PASS" or "schemathesis: FAIL" and exits non-zero on a failure.
# Usage: Scripts/schemathesis.sh [path/to/parley]   (default: .build/debug/parley, built if missing)
# schemathesis is installed into a virtual environment in .build/schemathesis-venv (needs python3-venv).
set -euo pipefail
cd "$(dirname "$0")/.."
parley="${1:-.build/debug/parley}"
version="4.32.5"
examples="${SCHEMATHESIS_MAX_EXAMPLES:-60}"
budget="${SCHEMATHESIS_TIMEOUT:-240}"
venv=".build/schemathesis-venv"

if [ ! -x "$venv/bin/schemathesis" ] || ! "$venv/bin/schemathesis" --version 2>/dev/null | grep -q "$version"; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$version"
fi
[ -x "$parley" ] || swift build --product parley >&2

work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

token="schemathesis-$RANDOM$RANDOM"
PARLEY_LEXICONS="$PWD/Lexicons" PARLEY_MODELS="$PWD/Models" \
    "$parley" serve --host 127.0.0.1 --port 0 --admin-port 0 --admin-token "$token" --log-level notice 2> "$work/server.log" &
server=$!
port=""
admin=""
for _ in $(seq 1 600); do
    port="$(sed -n 's/.*"api":"public".*"port":\([0-9]*\).*/\1/p' "$work/server.log" | head -1)"
    admin="$(sed -n 's/.*"api":"admin".*"port":\([0-9]*\).*/\1/p' "$work/server.log" | head -1)"
    [ -n "$port" ] && [ -n "$admin" ] && curl -sf "http://127.0.0.1:$port/readyz" > /dev/null 2>&1 && break
    kill -0 "$server" 2>/dev/null || { echo "schemathesis: FAIL (the sidecar did not start)"; cat "$work/server.log" >&2; exit 1; }
    sleep 0.1
done
[ -n "$port" ] && [ -n "$admin" ] || { echo "schemathesis: FAIL (the sidecar did not report its ports)"; exit 1; }

status=0
run() {
    local name="$1"; shift
    echo "==> schemathesis: $name API"
    timeout --kill-after=10 "$budget" "$venv/bin/schemathesis" --config-file Scripts/schemathesis.toml run openapi.yaml --checks all --max-examples "$examples" \
        --seed 20261126 --workers 2 --request-timeout 10 --no-color "$@" || { echo "schemathesis: $name API failed (exit $?)"; status=1; }
}
run public --url "http://127.0.0.1:$port" --exclude-path-regex '^/admin/'
run admin --url "http://127.0.0.1:$admin" --include-path-regex '^/admin/' -H "Authorization: Bearer $token"
kill -0 "$server" 2>/dev/null || { echo "the sidecar died during the run:"; tail -20 "$work/server.log"; status=1; }

if [ $status -eq 0 ]; then echo "schemathesis: PASS"; else echo "schemathesis: FAIL"; fi
exit $status
