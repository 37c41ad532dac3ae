#!/usr/bin/env bash
# Installs the system packages Parley builds and tests with, on Debian or Ubuntu. Idempotent: it
# installs only what is missing. Needs root (or sudo) the first time.
set -euo pipefail

packages=(
    libicu-dev      # ICU: word breaks, normalization, confusables, transliteration, regexes
    libxml2-dev     # libxml2: TBX glossaries and TMX memories
    libstemmer-dev  # Snowball stemmers for the search analyzer
    libsqlite3-dev  # SQLite FTS5 for the search tests
    pkg-config
    python3         # training and report scripts
    python3-numpy   # the translation training script (Scripts/translation/train.py and its test)
    valgrind        # instruction counts for the benchmark ratios
    redis-server    # shared moderation state across sidecar replicas; the ParleyRedis tests start their own
    python3-venv    # Scripts/schemathesis.sh installs schemathesis (PyPI) into .build/schemathesis-venv
)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
    echo "error: missing packages (${missing[*]}) and no apt-get to install them" >&2
    exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
