#!/usr/bin/env bash
# Anti-entropy figures of docs/benchmarks.md ("Anti-entropy"), one-shot mains in the benchmarks jar.
#
#   scripts/bench/entropy-figures.sh rest             AE CPU at rest: 100 unchanged shards per node, 30 s interval
#   scripts/bench/entropy-figures.sh repair [BATCHES [scattered|outage]]
#                                     detect + repair a 1% difference (400 batches = 10 M values), the lost
#                                     points at random (default) or one contiguous 1% of the time range
#   scripts/bench/entropy-figures.sh restore [MB]     restore a missing shard of MB megabytes (default 1024)
#   scripts/bench/entropy-figures.sh all              the three in turn
#
# Builds benchmarks/target/benchmarks.jar first if it is missing (mvn -o package, tests skipped).
# Everything runs in one JVM on loopback with temporary directories; nothing else is touched.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAR="$REPO/benchmarks/target/benchmarks.jar"
CMD="${1:-all}"; shift || true

if [ ! -f "$JAR" ]; then
  echo "Building $JAR ..." >&2
  (cd "$REPO" && mvn -B -ntp -o -q package -pl benchmarks -am -DskipTests)
fi

run() { echo "+ java $*" >&2; java "$@"; }

case "$CMD" in
  rest)    run -Xmx1g -cp "$JAR" io.shardline.benchmarks.entropy.EntropyFigures rest ;;
  repair)  run -Xmx3g -cp "$JAR" io.shardline.benchmarks.entropy.EntropyFigures repair "${1:-400}" "${2:-scattered}" ;;
  restore) run -Xmx3g -cp "$JAR" io.shardline.benchmarks.entropy.RestoreFigure "${1:-1024}" ;;
  all)
    "$0" rest
    "$0" repair
    "$0" restore ;;
  *) echo "entropy-figures.sh: unknown command $CMD (rest, repair, restore, all)" >&2; exit 2 ;;
esac
