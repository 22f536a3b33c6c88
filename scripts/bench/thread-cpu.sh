#!/usr/bin/env bash
# CPU seconds a process spends per thread group while a command runs: JIT compiler threads, GC,
# RocksDB's flush and compaction threads and the JVM's own workers, which JFR's execution samples
# (Java threads only) do not show. Thread names are grouped with their trailing numbers removed.
#
#   scripts/bench/thread-cpu.sh PID -- COMMAND [ARGS...]
#
# Prints "cpu-s share thread-group" lines, largest first, then the total. Relative figures only on a
# shared machine. See docs/storage.md, "Series creation: where the time went".
set -euo pipefail
[ $# -ge 3 ] && [ "$2" = "--" ] || { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
PID="$1"; shift 2

snapshot() {
  for t in /proc/"$PID"/task/*; do
    name="$(cat "$t/comm" 2>/dev/null)" || continue
    ticks="$(awk '{ print $14 + $15 }' "$t/stat" 2>/dev/null)" || continue
    printf '%s\t%s\n' "$(printf '%s' "$name" | sed -E 's/[#-]?[0-9]+$//; s/-[0-9]+-/-N-/g; s/ /_/g')" "$ticks"
  done | awk -F '\t' '{ c[$1] += $2 } END { for (k in c) print k "\t" c[k] }'
}

before="$(snapshot)"
"$@"
after="$(snapshot)"
hz="$(getconf CLK_TCK)"
lines="$(awk -F '\t' -v hz="$hz" 'NR == FNR { b[$1] = $2; next } { d = $2 - b[$1]; if (d > 0) { s[$1] = d / hz; t += d / hz } }
  END { for (k in s) printf "%8.2f %5.1f%%  %s\n", s[k], 100 * s[k] / t, k }' \
  <(printf '%s\n' "$before") <(printf '%s\n' "$after") | sort -rn)"
if [ -n "$lines" ]; then printf '%s\n' "$lines"; fi
printf '%s\n' "$lines" | awk '{ t += $1 } END { printf "%8.2f         total\n", t }'
