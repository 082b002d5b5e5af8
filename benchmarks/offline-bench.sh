#!/usr/bin/env bash
# Offline throughput and memory, measured in one run on one file: classify vs analyze (and diagnose)
# over N generated Azure Monitor records, each with the launcher's default heap (-Xmx1g).
#   benchmarks/offline-bench.sh [EVENTS]      (default 5000000; needs ~2.7 KB of disk per event)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
events="${1:-5000000}"
work="$(mktemp -d "${TMPDIR:-/tmp}/gatewatch-offline-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$root/gatewatch" --version >/dev/null # build once, outside the measurements
echo "generating $events events (azure-monitor, --rate 50 --fast) ..." >&2
"$root/gatewatch" generate --count "$events" --rate 50 --fast --seed 3 --start 2026-11-01T00:00:00Z \
  --format azure-monitor -o "$work/logs.json" 2>&1 | tail -1 >&2
echo "file: $(du -h "$work/logs.json" | cut -f1)" >&2
user=$(grep -o '"userPrincipalName":"[^"]*"' -m1 "$work/logs.json" | cut -d'"' -f4)
measure() { # name, command...: wall seconds, events/s and peak RSS
  local name="$1"; shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/$name.rss" "$@" > /dev/null 2> "$work/$name.err" || true
  end=$(date +%s.%N)
  awk -v n="$name" -v s="$start" -v e="$end" -v ev="$events" -v rss="$(tail -1 "$work/$name.rss")" \
    'BEGIN { t = e - s; printf "%-9s %8.1f s  %9.0f events/s  peak RSS %5.0f MiB\n", n, t, ev / t, rss / 1024 }'
}
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
measure classify "$root/gatewatch" classify "$work/logs.json"
measure analyze "$root/gatewatch" analyze "$work/logs.json"
measure diagnose "$root/gatewatch" diagnose --user "$user" "$work/logs.json"
