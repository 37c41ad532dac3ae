#!/usr/bin/env bash
# Instruction counts of Parley's workloads, as ratios to raw ICU word break over the same messages
# (the 300 messages of ../shared/data/chat/dev.tsv), checked against Benchmarks/Thresholds/ratios.tsv.
#
# Counts come from valgrind's callgrind, which counts instructions rather than time: repeatable on a
# shared, noisy machine, and available where the VM exposes no hardware counters. Each workload runs
# once with 1 pass and once with 3 passes over the corpus; the difference is the cost of 2 passes,
# start-up and warm-up excluded.
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

messages=$("$binary" icu-word-break 0 | sed -n 's/.*messages=\([0-9]*\).*/\1/p')

instructions() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$binary" "$1" "$2" 2>&1 \
        | awk '/refs:/ { gsub(",", "", $NF); print $NF }'
}

per_message() {
    local one three
    one=$(instructions "$1" 1)
    three=$(instructions "$1" 3)
    echo $(( (three - one) / 2 / messages ))
}

baseline=$(per_message icu-word-break)
printf '%-28s %12s %8s %8s\n' workload instr/msg ratio limit
printf '%-28s %12d %8s %8s\n' icu-word-break "$baseline" 1.00 -
failed=0
while IFS=$'\t' read -r workload limit description; do
    case "$workload" in ''|'#'*) continue ;; esac
    if [ $# -gt 0 ] && [[ " $* " != *" $workload "* ]]; then continue; fi
    cost=$(per_message "$workload")
    ratio=$(awk -v c="$cost" -v b="$baseline" 'BEGIN { printf "%.2f", c / b }')
    verdict=$(awk -v r="$ratio" -v l="$limit" 'BEGIN { print (r <= l) ? "ok" : "OVER" }')
    printf '%-28s %12d %8s %8s  %s  (%s)\n' "$workload" "$cost" "$ratio" "$limit" "$verdict" "$description"
    [ "$verdict" = ok ] || failed=1
done < Thresholds/ratios.tsv
if [ $check -eq 1 ] && [ $failed -ne 0 ]; then
    echo "error: a workload costs more than its limit in Benchmarks/Thresholds/ratios.tsv" >&2
    exit 1
fi
