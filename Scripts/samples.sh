#!/usr/bin/env bash
# The CLI on sample messages: builds the `parley` command and runs it
# on sample chat messages: typed tokens and the folded view. Pass your own messages on stdin to
# read them instead: `echo "Dispo le 15 ?" | Scripts/samples.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/setup.sh
swift build -c release --product parley >&2
parley=.build/release/parley
if [ -t 0 ]; then input=Scripts/samples.txt; else input=/dev/stdin; fi
tee >("$parley" tokens >&2) < "$input" | "$parley" fold
