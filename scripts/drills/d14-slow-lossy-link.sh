#!/usr/bin/env bash
# D14: every packet one owner sends waits 200 ms ± 50 ms and 5% of them are lost, for OUTAGE
# seconds (60) under RATE points/s (5k), half at consistency one and half at quorum. Reports the
# write latency p99 during the fault and the hinted-handoff use. Pass: once healed and drained,
# every acknowledged point is on every owner.
. "$(dirname "${BASH_SOURCE[0]}")/netlib.sh"
drill_init d14 32600 "$@"
short_defaults 2000 10
PRE=$(( OUTAGE / 6 + 2 )); POST=$(( OUTAGE / 6 + 2 ))
net_drill_setup
apply_fault() {
  cluster delay "$VICTIM" 200ms 50ms | sed 's/^/   /'
  cluster loss "$VICTIM" 5% | sed 's/^/   /'
}
run_fault_drill "delay $VICTIM 200ms ± 50ms and lose 5% of its packets"
