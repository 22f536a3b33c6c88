#!/usr/bin/env bash
# D13: an asymmetric cut between the two owners of the drill shard — the victim's packets to the
# other owner are dropped, the other direction passes — for OUTAGE seconds (60) under RATE points/s
# (5k), half at consistency one and half at quorum. Pass: once healed and drained, every
# acknowledged point is on every owner.
. "$(dirname "${BASH_SOURCE[0]}")/netlib.sh"
drill_init d13 32400 "$@"
short_defaults 2000 10
PRE=$(( OUTAGE / 6 + 2 )); POST=$(( OUTAGE / 6 + 2 ))
net_drill_setup
apply_fault() { cluster cut "$VICTIM" "$PEER" | sed 's/^/   /'; }
run_fault_drill "cut $VICTIM -> $PEER (one direction)"
