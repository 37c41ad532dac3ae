#!/usr/bin/env bash
# Instruction counts of Parley's workloads, as ratios to raw ICU word break over the same messages
# (the 300 messages of ../shared/data/chat/dev.tsv), checked against Benchmarks/Thresholds/ratios.tsv.
#
# Counts come from valgrind's callgrind, which counts instructions rather than time: repeatable on a
# shared, noisy machine, and available where the VM exposes no hardware counters. Each workload runs
# with p and with 3p passes over its items (p = 1 for the 300 chat messages); the difference is the
# cost of 2p passes, start-up and warm-up excluded.
#
# Usage: Scripts/bench-ratios.sh [--check] [workload…]   (default: every workload in ratios.tsv)
set -euo pipefail
cd "$(dirname "$0")/../Benchmarks"

check=0
if [ "${1:-}" = "--check" ]; then check=1; shift; fi

command -v valgrind >/dev/null || { echo "error: valgrind is needed (apt-get install -y valgrind)" >&2; exit 2; }
swift build -c release --product ParleyWorkload >&2
binary=$(mktemp /tmp/parley-workload.XXXXXX)
trap 'rm -f "$binary"' EXIT
# valgrind 3.19 cannot read the DWARF 5 that Swift 6 emits: count on a stripped copy.
cp .build/release/ParleyWorkload "$binary"
strip "$binary"
chmod +x "$binary"

# Swift seeds its hash functions randomly per process; fixed seeds make instruction counts repeatable.
export SWIFT_DETERMINISTIC_HASHING=1

instructions() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$binary" "$1" "$2" 2>&1 \
        | awk '/refs:/ { gsub(",", "", $NF); print $NF }'
}

items() { "$binary" "$1" 0 | sed -n 's/.* items=\([0-9]*\).*/\1/p'; }

# Instructions of one pass over the workload's items: runs of p and 3p passes, p such that a pass
# set covers at least 300 items (allocator warm-up would otherwise weigh on tiny item lists).
per_pass() {
    local count p one three
    count=$(items "$1")
    p=$(( (300 + count - 1) / count ))
    one=$(instructions "$1" "$p")
    three=$(instructions "$1" $(( 3 * p )))
    echo $(( (three - one) / (2 * p) ))
}

declare -A measured
measure() {
    [ -n "${measured[$1]:-}" ] || measured[$1]=$(per_pass "$1")
    echo "${measured[$1]}"
}

printf '%-26s %-26s %12s %12s %7s %6s\n' workload baseline instr/item base/item ratio limit
failed=0
while IFS=$'\t' read -r workload baseline limit description; do
    case "$workload" in ''|'#'*) continue ;; esac
    if [ $# -gt 0 ] && [[ " $* " != *" $workload "* ]]; then continue; fi
    count=$(items "$workload")
    cost=$(measure "$workload")
    base=$(measure "$baseline")
    ratio=$(awk -v c="$cost" -v b="$base" 'BEGIN { printf "%.2f", c / b }')
    verdict=$(awk -v r="$ratio" -v l="$limit" 'BEGIN { print (r <= l) ? "ok" : "OVER" }')
    printf '%-26s %-26s %12d %12d %7s %6s  %s\n' "$workload" "$baseline" $(( cost / count )) $(( base / count )) "$ratio" "$limit" "$verdict"
    [ "$verdict" = ok ] || failed=1
done < Thresholds/ratios.tsv
if [ $check -eq 1 ] && [ $failed -ne 0 ]; then
    echo "error: a workload costs more than its limit in Benchmarks/Thresholds/ratios.tsv" >&2
    exit 1
fi
