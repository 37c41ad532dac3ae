#!/usr/bin/env bash
# Parley's main job: installs what the build needs, builds `parley` in release mode and starts the
# HTTP sidecar on 127.0.0.1:8080 with the bundled Lexicons/ and Models/ (docs/http-api.md).
# Settings come from the environment: PARLEY_HOST, PARLEY_PORT, PARLEY_ADMIN_TOKEN (turns the admin
# API on, on 127.0.0.1:8081), PARLEY_MAX_BODY_BYTES… (`parley serve --help`); arguments are passed
# on to `parley serve`. Stop it with Ctrl-C or SIGTERM (requests in flight are finished first);
# reload the lexicons with SIGHUP or `POST /admin/reload`.
# The CLI on sample messages is Scripts/samples.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/setup.sh
swift build -c release --product parley >&2
export PARLEY_LEXICONS="${PARLEY_LEXICONS:-$PWD/Lexicons}"
export PARLEY_MODELS="${PARLEY_MODELS:-$PWD/Models}"
exec .build/release/parley serve --host "${PARLEY_HOST:-127.0.0.1}" "$@"
