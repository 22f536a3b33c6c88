#!/usr/bin/env bash
# Runs the drills in scripts/drills/ one after another and prints a summary table.
#   scripts/drills/run-all.sh [--short] [--seed N] [--rate R] [--outage S]   D1-D10, D17 (loopback clusters)
#   scripts/drills/run-all.sh --net [...]                                    D11-D16 (network namespaces; root)
# Other flags are passed to every drill. Exit status 0 only if every drill passed.
set -uo pipefail
DRILLS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$(mktemp)"
TOOK="$(mktemp)"
STATUS=0
NET=0
FLAGS=()
for a in "$@"; do if [ "$a" = --net ]; then NET=1; else FLAGS+=("$a"); fi; done
set -- ${FLAGS[@]+"${FLAGS[@]}"}
# D11-D16 break a real network: they run only with --net.
is_net_drill() { local n; n="$(basename "$1" | cut -d- -f1 | tr -dc '0-9')"; [ "$n" -ge 11 ] && [ "$n" -le 16 ]; }
echo "run-all: $(date -u +%Y-%m-%dT%H:%M:%SZ) $(nproc) cores, $([ "$NET" = 1 ] && echo "network drills, ")flags: ${*:-none}"
for d in $(ls "$DRILLS"/d[0-9]*-*.sh | sort -V); do
  if is_net_drill "$d"; then [ "$NET" = 1 ] || continue; else [ "$NET" = 0 ] || continue; fi
  t0=$SECONDS
  "$d" "$@" 2>&1 | tee -a "$OUT" || STATUS=1
  name="$(basename "$d" | cut -d- -f1)"
  echo "$name $((SECONDS - t0))" >> "$TOOK"
  grep -q "^RESULT $name " "$OUT" || { echo "RESULT $name FAIL (no result line; see the output above)" >> "$OUT"; STATUS=1; }
done
echo
echo "Drill summary"
echo "============="
printf '%-5s %-6s %-10s %-9s %-9s %-6s %-10s %-13s %-8s %-7s %s\n' DRILL RESULT SEED WRITTEN ACKED LOST RECOVERED \
  CONVERGENCE_S DRAIN_S TOOK_S DETAILS
grep '^RESULT ' "$OUT" | while read -r _ drill verdict rest; do
  get() { echo "$rest" | tr ' ' '\n' | grep "^$1=" | cut -d= -f2; }
  extra="$(echo "$rest" | tr ' ' '\n' | grep -v -E '^(seed|written|acked|lost|recovered|convergence_s|drain_s)=' | paste -sd' ' -)"
  printf '%-5s %-6s %-10s %-9s %-9s %-6s %-10s %-13s %-8s %-7s %s\n' "$drill" "$verdict" "$(get seed)" "$(get written)" \
    "$(get acked)" "$(get lost)" "$(get recovered)" "$(get convergence_s)" "$(get drain_s)" \
    "$(awk -v d="$drill" '$1 == d {print $2}' "$TOOK")" "$extra"
done
grep -q '^RESULT .* FAIL' "$OUT" && STATUS=1
rm -f "$OUT" "$TOOK"
exit "$STATUS"
