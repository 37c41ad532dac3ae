#!/usr/bin/env bash
# The run of Scripts/load.sh against Rspamd (issue 7), so that the ratio is measured side by side on
# the same machine: starts Debian's rspamd as a child of this script on a free loopback port, with its
# own configuration, database, run and log directories in a temporary directory (no system service,
# nothing written under /etc or /var), drives POST /checkv2 with wrk over the messages of
# ../shared/data/chat/dev.tsv, each sent as a small email (Scripts/load/rspamd.lua), and prints
# messages/s, p50, p99, the server's CPU time per message and its peak RSS like load.sh does.
# Usage: Scripts/load-rspamd.sh [seconds=20] [connections=16] [threads=2]
# Needs the Debian packages rspamd and wrk (apt-get update && apt-get install -y rspamd wrk); it
# installs nothing itself, and Scripts/setup.sh does not install rspamd on purpose: the package enables
# a system-wide rspamd (systemd unit and init script) that would start on CI and development machines.
# This script never uses that one (where it started, `systemctl disable --now rspamd` stops it).
# LOAD_COMPARE=1 then runs Scripts/load.sh with the same arguments (after rspamd has been stopped: one
# server at a time) and prints the ratios parley/rspamd; LOAD_BINARY passes through to it.
# RSPAMD_WORKERS=N sets the number of rspamd scanner processes (default: one per core, see below);
# RSPAMD_LOG_LEVEL=info logs every message scanned (and its DNS requests) in the run's log, shown at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/load/common.sh "$@"
command -v rspamd >/dev/null || { echo "error: rspamd is missing (apt-get install rspamd)" >&2; exit 1; }
command -v setsid >/dev/null || { echo "error: setsid is missing (apt-get install util-linux)" >&2; exit 1; }
# Without a count, rspamd 3.4 started a single scanner process on the 2-core development machine,
# where parley serves from every core: one per core compares the two at the same use of the machine.
workers="${RSPAMD_WORKERS:-$(nproc)}"
[[ "$workers" =~ ^[1-9][0-9]*$ ]] || { echo "error: RSPAMD_WORKERS must be a positive number" >&2; exit 1; }
log_level="${RSPAMD_LOG_LEVEL:-warning}"

work="$(mktemp -d)"
server=""
# rspamd runs in its own process group (setsid below), so that Ctrl-C on the terminal does not reach
# it before this trap does, and so that its main process, scanners and hyperscan compiler are exactly
# the processes of that group: they are all stopped here, whatever ended the script.
stop_rspamd() {
    [ -n "$server" ] || return 0
    kill -TERM -- "-$server" 2>/dev/null || true
    for _ in $(seq 1 100); do
        [ -z "$(group_pids)" ] && break
        sleep 0.05
    done
    kill -KILL -- "-$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    server=""
}
# rspamd's log is shown when something failed, or when RSPAMD_LOG_LEVEL asked for it: at the default
# level it holds only startup warnings (no Redis for the Bayes classifier, maps.rspamd.com unreachable).
cleanup() {
    local status=$?
    stop_rspamd
    wait 2>/dev/null
    if [ "$status" -ne 0 ] || [ "$log_level" != warning ]; then
        echo "rspamd log (last 20 lines):" >&2
        tail -n 20 "$work/rspamd/log/rspamd.log" >&2 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The processes of rspamd's process group, from field 5 of /proc/PID/stat (counted after the command
# name, which is in parentheses and may hold spaces). A process may exit between listing and reading.
group_pids() {
    local stat fields
    for stat in /proc/[0-9]*/stat; do
        read -r fields 2>/dev/null < "$stat" || continue
        read -ra fields <<< "${fields##*) }"
        [ "${fields[2]}" = "$server" ] && echo "${stat//[^0-9]/}"
    done
    return 0
}
# CPU ticks (user + system, fields 14 and 15 of /proc/PID/stat) summed over the group: the main
# process, the scanners and the hyperscan compiler, all of which do work for the messages.
cpu_ticks() {
    local pid fields total=0
    for pid in $(group_pids); do
        read -r fields 2>/dev/null < "/proc/$pid/stat" || continue
        read -ra fields <<< "${fields##*) }"
        total=$((total + fields[11] + fields[12]))
    done
    echo "$total"
}

# The message texts as Lua strings (third column of the TSV), every byte that is not printable ASCII
# or is a quote or backslash written as a decimal escape, which any Lua reads.
python3 - "$data" > "$work/bodies.lua" <<'PY'
import sys
texts = [line.rstrip("\n").split("\t", 2)[2] for line in open(sys.argv[1], encoding="utf-8") if line.count("\t") >= 2]
def lua(text):
    return '"' + "".join(chr(b) if 0x20 <= b < 0x7f and b not in b'"\\' else "\\%03d" % b for b in text.encode("utf-8")) + '"'
print("return {")
for text in texts:
    print("  " + lua(text) + ",")
print("}")
PY

# A free loopback port.
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

# The configuration: Debian's /etc/rspamd (through $CONFDIR, so every rule and score is the packaged
# one) with a top-level file of our own that starts one kind of worker only, the scanner ("normal"),
# on our port (no controller or proxy on their fixed ports 11332 and 11334), and a $LOCAL_CONFDIR of
# our own instead of /etc/rspamd, whose local.d/override.d then do not change what is measured.
rconf="$work/rspamd/conf"
mkdir -p "$rconf/local.d" "$work/rspamd/db" "$work/rspamd/run" "$work/rspamd/log" "$work/rspamd/tmp"
cat > "$rconf/rspamd.conf" <<EOF
.include "\$CONFDIR/common.conf"
options {
    pidfile = "\$RUNDIR/rspamd.pid";
    .include "\$CONFDIR/options.inc"
    .include(try=true; priority=1,duplicate=merge) "\$LOCAL_CONFDIR/local.d/options.inc"
}
# Warnings only, so that logging every message is not measured (load.sh does the same for parley).
logging {
    type = "file";
    filename = "\$LOGDIR/rspamd.log";
    level = "$log_level";
}
worker "normal" {
    bind_socket = "127.0.0.1:$port";
    count = $workers;
    .include "\$CONFDIR/worker-normal.inc"
}
EOF
cat > "$rconf/local.d/options.inc" <<EOF
tempdir = "$work/rspamd/tmp";
EOF
# Modules disabled, because each message would wait on the network or on Redis, which this run has
# not got (and a DNS server's answer time is not what is compared). Checked with
# RSPAMD_LOG_LEVEL=info ("dns req: N" for every message) and =debug (which module asked):
# - DNS per message: rbl (DNS block and allow lists; it also runs the SURBL/URIBL rules of the surbl
#   and emails sections), spf and dmarc (TXT records of the sender's domain: with the packaged
#   defaults a message without URLs made one DNS request, dmarc's), asn (asn.rspamd.com), hfilter
#   (A/MX/PTR checks of the HELO, client host name and From/To domains), and in phishing only its PhishTank
#   lookup (one DNS request to phishtank.rspamd.com for every URL: 18 of the 300 messages have one,
#   and under load they made the p99 991 ms instead of 12-14 ms; the module's own checks stay on);
# - UDP to rspamd.com: fuzzy_check (fuzzy hashes, and only for parts of 1 kB or more, so never here);
# - Redis: neural, ratelimit, greylist, reputation, history_redis, replies, url_redirector,
#   dynamic_conf; and clickhouse, elastic, metric_exporter (servers of their own). With no Redis
#   servers configured these switch themselves off already; disabled here so that it says so.
#   bayes_expiry (always loaded) and the Bayes classifier (statistic.conf) are left as packaged: with
#   no Redis they do nothing, the classifier being skipped for every message ("skip statistics as
#   SPAM class is missing").
# Left on: every content rule (regexp rules on hyperscan, chartable, mime_types, multimap, phishing,
# mid, once_received, forged_recipients, whitelist, force_actions, ...), dkim and arc, which only
# query DNS for signed messages (these are not), and the maps some of them fetch from
# maps.rspamd.com in the background (every few minutes, every few seconds while it is unreachable;
# never for a message). With these settings every message of the dev set logs "dns req: 0".
for module in rbl spf dmarc asn hfilter fuzzy_check neural ratelimit greylist reputation history_redis \
              replies url_redirector dynamic_conf clickhouse elastic metric_exporter; do
    echo "enabled = false;" > "$rconf/local.d/$module.conf"
done
echo "phishtank_enabled = false;" > "$rconf/local.d/phishing.conf"
# rspamd refuses to run as root; as root it drops to the Debian package's user, which must then own
# the temporary directory. As anyone else it runs as that user.
user_args=()
if [ "$(id -u)" -eq 0 ]; then
    getent passwd _rspamd > /dev/null || { echo "error: no _rspamd user (apt-get install rspamd creates it)" >&2; exit 1; }
    user_args=(-u _rspamd -g _rspamd)
    chown -R _rspamd:_rspamd "$work/rspamd"
    chmod 755 "$work"
fi
# setsid execs rspamd in place (this background job is not a group leader), so $! is rspamd's main
# process, the leader of its new process group.
setsid rspamd --no-fork --config "$rconf/rspamd.conf" "${user_args[@]}" \
    --var "LOCAL_CONFDIR=$rconf" --var "DBDIR=$work/rspamd/db" --var "RUNDIR=$work/rspamd/run" \
    --var "LOGDIR=$work/rspamd/log" > "$work/rspamd.out" 2>&1 &
server=$!

# Ready when the scanners answer /ping and, where rspamd has hyperscan (its hs_helper process), when
# every scanner has mapped the compiled regexp databases (*.hs.unser): until then rspamd scans with
# PCRE, and the compiler's CPU time would be counted. Loading the configuration and compiling take
# 10-20 s of CPU on 2 cores, mostly before the first /ping answer.
echo "starting rspamd $(rspamd --version | awk '{print $NF}') with $workers scanner processes on port $port" >&2
ready=""
for _ in $(seq 1 240); do
    kill -0 "$server" 2>/dev/null || { echo "error: rspamd did not start:" >&2; cat "$work/rspamd.out" >&2; exit 1; }
    # The answer is "pong" and CRLF.
    if curl -s "http://127.0.0.1:$port/ping" 2>/dev/null | grep -q '^pong'; then
        ready=yes
        for pid in $(group_pids); do
            case "$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null)" in
                *hs_helper*) hyperscan=yes ;;
                *"normal process"*) grep -q '\.hs\.unser' "/proc/$pid/maps" 2>/dev/null || ready="" ;;
            esac
        done
        [ "${hyperscan:-}" = yes ] || ready=yes
        [ -n "$ready" ] && break
    fi
    sleep 0.5
done
[ -n "$ready" ] || { echo "error: rspamd was not ready after 120 s" >&2; exit 1; }

echo "messages: $(grep -c . "$data") from $data; ${seconds}s, $connections connections, $threads wrk threads, port $port; load average $(cut -d' ' -f1-3 /proc/loadavg)"
# Warm up (first use of each scanner), then measure.
LOAD_BODIES="$work/bodies.lua" wrk -t "$threads" -c "$connections" -d 2s -s Scripts/load/rspamd.lua "http://127.0.0.1:$port" > /dev/null
measure Scripts/load/rspamd.lua "http://127.0.0.1:$port"
processes=$(group_pids | wc -l)
awk -v ticks="$ticks" -v hz="$(getconf CLK_TCK)" -v n="$requests" -v p="$processes" \
    'BEGIN {printf "server CPU per message: %.1f µs (%d requests; all %d rspamd processes)\n", ticks / hz * 1e6 / n, n, p}' \
    | tee "$work/cpu.txt"
# Forked processes share the main process's pages (configuration, maps, hyperscan databases), which
# a sum of VmHWM counts once per process: an upper bound on the memory rspamd really takes. Each
# process's own peak follows (main, scanners, hyperscan compiler), as the main process's and the
# compiler's are reached while loading and compiling, before the first message.
peak_kb=0
each=""
for pid in $(group_pids); do
    kb=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    kind=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | awk '{print $2}' || true)
    peak_kb=$((peak_kb + ${kb:-0}))
    each="$each${each:+, }${kind:-?} $(awk -v kb="${kb:-0}" 'BEGIN {printf "%.1f", kb / 1024}')"
done
awk -v kb="$peak_kb" -v p="$processes" -v each="$each" \
    'BEGIN {printf "peak RSS: %.1f MB (sum of VmHWM over the %d rspamd processes, shared pages counted in each: %s MB)\n", kb / 1024, p, each}'
# What the group takes at the end of the run with each shared page counted once (Pss divides it
# among the processes that map it): not a peak, but the figure to compare with parley's one process.
pss_kb=0
for pid in $(group_pids); do
    kb=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || true)
    pss_kb=$((pss_kb + ${kb:-0}))
done
awk -v kb="$pss_kb" 'BEGIN {printf "memory after the run: %.1f MB (sum of Pss: shared pages counted once)\n", kb / 1024}'
stop_rspamd

if [ "${LOAD_COMPARE:-}" = 1 ]; then
    echo "--- parley: Scripts/load.sh $seconds $connections $threads${LOAD_BINARY:+ (LOAD_BINARY=$LOAD_BINARY)}"
    Scripts/load.sh "$seconds" "$connections" "$threads" | tee "$work/parley.txt"
    awk -v rspamd_wrk="$work/wrk.txt" -v rspamd_cpu="$work/cpu.txt" '
        function field(file, prefix,   line, value) {
            while ((getline line < file) > 0) if (index(line, prefix) == 1) { split(substr(line, length(prefix) + 1), value, " "); close(file); return value[1] }
            close(file); return ""
        }
        BEGIN {
            pm = field(ARGV[1], "messages/s: "); rm = field(rspamd_wrk, "messages/s: ")
            pc = field(ARGV[1], "server CPU per message: "); rc = field(rspamd_cpu, "server CPU per message: ")
            if (pm == "" || rm == "" || pc == "" || rc == "") { print "error: a figure is missing for the ratios" > "/dev/stderr"; exit 1 }
            printf "parley/rspamd messages/s: %.2f (%s / %s)\n", pm / rm, pm, rm
            printf "parley/rspamd server CPU per message: %.2f (%s µs / %s µs)\n", pc / rc, pc, rc
        }' "$work/parley.txt"
fi
