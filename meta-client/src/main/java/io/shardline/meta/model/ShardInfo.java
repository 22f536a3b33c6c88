package io.shardline.meta.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * One shard of a shard group and the data nodes that own a replica of it, in placement order (the
 * order anti-entropy walks when repairing). Owners are distinct; the list may be empty after every
 * owner was removed.
 */
public record ShardInfo(long id, List<Long> owners) {

    public ShardInfo {
        if (id <= 0) {
            throw new IllegalArgumentException("shard id must be positive: " + id);
        }
        owners = List.copyOf(owners);
        if (new HashSet<>(owners).size() != owners.size()) {
            throw new IllegalArgumentException("shard " + id + " has duplicate owners " + owners);
        }
    }

    /** Whether the node owns a replica of this shard. */
    public boolean ownedBy(long nodeId) {
        return owners.contains(nodeId);
    }

    /** This shard with {@code nodeId} appended to the owners; itself if already an owner. */
    public ShardInfo withOwner(long nodeId) {
        if (ownedBy(nodeId)) {
            return this;
        }
        List<Long> next = new ArrayList<>(owners);
        next.add(nodeId);
        return new ShardInfo(id, next);
    }

    /** This shard without {@code nodeId} among the owners; itself if it was not an owner. */
    public ShardInfo withoutOwner(long nodeId) {
        if (!ownedBy(nodeId)) {
            return this;
        }
        List<Long> next = new ArrayList<>(owners);
        next.remove(Long.valueOf(nodeId));
        return new ShardInfo(id, next);
    }
}
