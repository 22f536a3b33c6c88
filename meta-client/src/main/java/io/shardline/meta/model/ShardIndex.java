package io.shardline.meta.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hash indexes over one {@link ClusterMetadata}: shard id to location and node id to owned shards,
 * for consumers that look shards up per request (build it once per metadata version). Immutable and
 * safe to share between threads.
 */
public final class ShardIndex {

    private final long version;
    private final Map<Long, ShardLocation> byShardId;
    private final Map<Long, List<ShardLocation>> byOwner;

    private ShardIndex(long version, Map<Long, ShardLocation> byShardId, Map<Long, List<ShardLocation>> byOwner) {
        this.version = version;
        this.byShardId = byShardId;
        this.byOwner = byOwner;
    }

    /** Indexes every shard of the metadata, deleted groups included. */
    public static ShardIndex of(ClusterMetadata metadata) {
        Map<Long, ShardLocation> byShardId = new HashMap<>();
        Map<Long, List<ShardLocation>> byOwner = new HashMap<>();
        for (ShardLocation location : metadata.shards()) {
            byShardId.put(location.shardId(), location);
            for (Long owner : location.shard().owners()) {
                byOwner.computeIfAbsent(owner, id -> new ArrayList<>()).add(location);
            }
        }
        Map<Long, List<ShardLocation>> frozen = new HashMap<>();
        byOwner.forEach((owner, locations) -> frozen.put(owner, List.copyOf(locations)));
        return new ShardIndex(metadata.version(), Map.copyOf(byShardId), Map.copyOf(frozen));
    }

    /** The metadata version this index was built from. */
    public long version() {
        return version;
    }

    public Optional<ShardLocation> shard(long shardId) {
        return Optional.ofNullable(byShardId.get(shardId));
    }

    /** The owners of the shard in placement order; empty if unknown. */
    public List<Long> owners(long shardId) {
        ShardLocation location = byShardId.get(shardId);
        return location == null ? List.of() : location.shard().owners();
    }

    /** The shards the node owns, in the order of {@link ClusterMetadata#shards()}. */
    public List<ShardLocation> ownedBy(long nodeId) {
        return byOwner.getOrDefault(nodeId, List.of());
    }
}
