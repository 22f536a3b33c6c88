package io.shardline.datanode.entropy;

import io.shardline.meta.model.ShardLocation;
import java.util.List;
import java.util.Set;

/**
 * What one anti-entropy pass does, decided by {@link PassPlanner}: compare each local shard with the
 * next live owners in order ({@code checks}), look for a source of each owned shard that is absent
 * here ({@code absent}), report shards that cannot be restored ({@code unrestorable}: this node held
 * them but no other owner exists or is live). {@code owned} are the shards this node owns, which
 * bounds what it remembers. Immutable.
 */
record PassPlan(List<Check> checks, List<Absent> absent, List<ShardLocation> unrestorable, Set<Long> owned) {

    /** Compare {@code location}'s local copy with {@code peers}, tried in order (the first that answers). */
    record Check(ShardLocation location, List<Long> peers) {
        Check {
            peers = List.copyOf(peers);
        }
    }

    /** An owned shard absent here; {@code sources} are the live other owners in order. */
    record Absent(ShardLocation location, List<Long> sources, boolean heldBefore) {
        Absent {
            sources = List.copyOf(sources);
        }
    }

    PassPlan {
        checks = List.copyOf(checks);
        absent = List.copyOf(absent);
        unrestorable = List.copyOf(unrestorable);
        owned = Set.copyOf(owned);
    }

    static final PassPlan EMPTY = new PassPlan(List.of(), List.of(), List.of(), Set.of());
}
