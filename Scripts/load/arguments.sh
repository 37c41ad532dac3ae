# Sourced by Scripts/load.sh and Scripts/load-rspamd.sh (from the repository root): their common
# arguments [seconds=20] [connections=16] [threads=2], and the chat messages both send.
seconds="${1:-20}"
connections="${2:-16}"
threads="${3:-2}"
data="${PARLEY_SHARED_DATA:-$PWD/../shared/data}/chat/dev.tsv"
command -v wrk >/dev/null || { echo "error: wrk is missing (apt-get install wrk)" >&2; exit 1; }
[ -f "$data" ] || { echo "error: $data not found (set PARLEY_SHARED_DATA)" >&2; exit 1; }
