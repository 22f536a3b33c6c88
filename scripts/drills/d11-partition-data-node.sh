#!/usr/bin/env bash
# D11: one owner of the drill shard is partitioned from the other data nodes (not from the meta
# nodes, nor from the clients on the host) for OUTAGE seconds (60) under RATE points/s (5k), half at
# consistency one and half at quorum. Pass: once healed and hinted handoff drained, every
# acknowledged point is on every owner.
. "$(dirname "${BASH_SOURCE[0]}")/netlib.sh"
drill_init d11 32000 "$@"
short_defaults 2000 10
PRE=$(( OUTAGE / 6 + 2 )); POST=$(( OUTAGE / 6 + 2 ))
net_drill_setup
OTHERS="$(other_data_nodes "$VICTIM")"
apply_fault() { cluster partition "$VICTIM" "$OTHERS" | sed 's/^/   /'; }
run_fault_drill "partition $VICTIM from $OTHERS"
