#!/usr/bin/env bash
# Write throughput with authentication and TLS on and off: starts a local cluster (1 meta and 2 data
# nodes, loopback, databases with replication 2 so every write also crosses the data nodes' gRPC)
# for every run of every side and writes the same data set with `shardline bench write` each time:
#   plain   no authentication, no TLS
#   auth    [http] auth-enabled, credentials on every request (Basic), no TLS
#   secure  scripts/cluster.sh up --secure: auth, internal tokens, HTTPS, TLS gRPC, mutual-TLS Raft
# and prints the rates and the ratios auth/plain (target >= 0.95) and secure/plain. See
# docs/operations.md, "Security".
#
#   scripts/bench/security.sh [--dir DIR]
#
# Environment: BASE_PORT (default 23000; ports 23000-23199), POINTS (default 2000000), CONNECTIONS (default 4),
# RUNS (default 3 rounds; each round runs every side once, on a fresh cluster, and the best run of each
# side counts), SIDES (default "plain auth secure"; e.g. SIDES="plain secure"). Everything lives under DIR (default
# /tmp/bench-security), deleted at the end; processes are stopped by pid only.
# Its default ports are its own, below Linux's ephemeral range; every bench script's range: docs/benchmarks.md.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR=/tmp/bench-security
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) DIR="$2"; shift 2 ;;
    *) echo "security.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
BASE="${BASE_PORT:-23000}"
POINTS="${POINTS:-2000000}"
CONNECTIONS="${CONNECTIONS:-4}"
RUNS="${RUNS:-3}"
SIDES="${SIDES:-plain auth secure}"
HOSTPORT="127.0.0.1:$((BASE + 106))"
export SHARDLINE_BASE_PORT="$BASE" SHARDLINE_ANTI_ENTROPY_ENABLED=false
cluster() { "$REPO/scripts/cluster.sh" "$@" --dir "$DIR/cluster"; }
cleanup() { cluster down > /dev/null 2>&1 || true; rm -rf "$DIR"; }
trap cleanup EXIT

# One write on a fresh cluster: $1 = plain|auth|secure, $2 = the run's number. Prints points/s, or
# "failed" (the bench's first error goes to stderr). Every run starts from an empty, synced disk, so no
# side inherits the previous one's deletion or writeback.
one_run() {
  local mode="$1" run="$2" scheme=http up_flags=() creds=() out
  cluster down > /dev/null 2>&1 || true
  rm -rf "$DIR/cluster"
  sync
  case "$mode" in
    plain) ;;
    auth) export SHARDLINE_HTTP_AUTH_ENABLED=true ;;
    secure) up_flags=(--secure); scheme=https ;;
  esac
  if ! cluster up --meta 1 --data 2 "${up_flags[@]}" > /dev/null; then
    unset SHARDLINE_HTTP_AUTH_ENABLED
    echo "security.sh: $mode run $run failed: the cluster did not start (SHARDLINE_HEALTH_TIMEOUT waits longer)" >&2
    echo failed
    return 0
  fi
  unset SHARDLINE_HTTP_AUTH_ENABLED
  local url="$scheme://$HOSTPORT" curl_tls=()
  if [ "$mode" = secure ]; then
    # shellcheck disable=SC1091
    . "$DIR/cluster/secure/secrets.env"
    export SSL_CERT_FILE="$DIR/cluster/secure/ca.pem"
    curl_tls=(--cacert "$SSL_CERT_FILE")
    creds=(-username "$ADMIN_USER" -password "$ADMIN_PASSWORD")
  elif [ "$mode" = auth ]; then
    curl -sf -o /dev/null -XPOST "$url/query" --data-urlencode "q=CREATE USER bench WITH PASSWORD 'bench' WITH ALL PRIVILEGES"
    creds=(-username bench -password bench)
  fi
  local user="${creds[1]:-}" pass="${creds[3]:-}"
  curl -sf -o /dev/null "${curl_tls[@]}" ${user:+-u "$user:$pass"} -XPOST "$url/query" \
    --data-urlencode "q=CREATE DATABASE bench$run WITH REPLICATION 2"
  if out="$("$REPO/scripts/shardline" bench write -url "$url" -db "bench$run" -no-create -points "$POINTS" \
      -connections "$CONNECTIONS" "${creds[@]}" 2>&1)"; then
    echo "$out" | awk '/points\/s/ { for (i = 1; i <= NF; i++) if ($i ~ /points\/s/) print $(i-1) }' | tail -1 | tr -d ','
  else
    echo "security.sh: $mode run $run failed: $(echo "$out" | grep -E 'first error|Exception|error' | head -3)" >&2
    echo failed
  fi
  unset SSL_CERT_FILE
}

# Rounds of plain, auth, secure (SIDES), so a drift of the machine during the benchmark (other load,
# disk writeback, a warmer page cache) falls on every side alike; the best run of each side counts.
declare -A best=()
for mode in $SIDES; do best[$mode]=0; done
for run in $(seq 1 "$RUNS"); do
  for mode in $SIDES; do
    rate="$(one_run "$mode" "$run")"
    if [ "$rate" = failed ]; then echo "run $run $mode: failed" >&2; continue; fi
    echo "run $run $mode: $rate points/s" >&2
    awk -v r="$rate" -v b="${best[$mode]}" 'BEGIN { exit !(r + 0 > b + 0) }' && best[$mode]="$rate"
  done
done
plain="${best[plain]:-0}" auth="${best[auth]:-0}" secure="${best[secure]:-0}"
for mode in $SIDES; do printf '%-7s %s points/s\n' "$mode:" "${best[$mode]}"; done
awk -v a="$auth" -v s="$secure" -v p="$plain" 'BEGIN {
  if (p > 0 && a > 0) printf "auth/plain:   %.3f (target >= 0.95)\n", a / p
  if (p > 0 && s > 0) printf "secure/plain: %.3f\n", s / p }'
