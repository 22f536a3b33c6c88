package io.shardline.meta.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A shard group: the shards holding one retention policy's data for the time range
 * {@code [startTime, endTime)}. A truncated group only covers {@code [startTime, truncatedAt)}; a
 * deleted group covers nothing. {@code truncatedAt} and {@code deletedAt} are 0 when not set.
 */
public record ShardGroupInfo(long id, long startTime, long endTime, long truncatedAt, long deletedAt,
                             List<ShardInfo> shards) {

    /** The value of {@code truncatedAt} and {@code deletedAt} meaning "not set". */
    public static final long NOT_SET = 0L;

    public ShardGroupInfo {
        if (id <= 0) {
            throw new IllegalArgumentException("shard group id must be positive: " + id);
        }
        if (endTime <= startTime) {
            throw new IllegalArgumentException("shard group " + id + " ends (" + endTime
                    + ") at or before its start (" + startTime + ")");
        }
        shards = List.copyOf(shards);
    }

    /** Whether retention or an operator deleted this group. */
    public boolean deleted() {
        return deletedAt != NOT_SET;
    }

    /** Whether {@code truncate-shards} cut this group short. */
    public boolean truncated() {
        return truncatedAt != NOT_SET;
    }

    /** The end of the time this group covers: {@code truncatedAt} if truncated, else {@code endTime}. */
    public long effectiveEnd() {
        return truncated() ? Math.min(endTime, truncatedAt) : endTime;
    }

    /**
     * Whether this group still covers some time: not deleted and not emptied by truncation. Live groups
     * of one retention policy never overlap.
     */
    public boolean live() {
        return !deleted() && effectiveEnd() > startTime;
    }

    /** Whether writes for time {@code t} belong to this group: live and {@code start <= t < effectiveEnd}. */
    public boolean contains(long t) {
        return !deleted() && startTime <= t && t < effectiveEnd();
    }

    /** Whether this live group holds data of the inclusive time range {@code [min, max]}. */
    public boolean overlaps(long min, long max) {
        return live() && startTime <= max && effectiveEnd() > min;
    }

    /**
     * The shard a series belongs to: {@code shards[hash mod n]} with the hash taken as unsigned, where
     * the hash is FNV-1a 64 of the series key.
     *
     * @throws IllegalStateException if the group has no shards
     */
    public ShardInfo shardFor(long seriesHash) {
        if (shards.isEmpty()) {
            throw new IllegalStateException("shard group " + id + " has no shards");
        }
        return shards.get((int) Long.remainderUnsigned(seriesHash, shards.size()));
    }

    /** The shard of this group with the given id. */
    public Optional<ShardInfo> shard(long shardId) {
        for (ShardInfo shard : shards) {
            if (shard.id() == shardId) {
                return Optional.of(shard);
            }
        }
        return Optional.empty();
    }

    public ShardGroupInfo withTruncatedAt(long time) {
        return new ShardGroupInfo(id, startTime, endTime, time, deletedAt, shards);
    }

    public ShardGroupInfo withDeletedAt(long time) {
        return new ShardGroupInfo(id, startTime, endTime, truncatedAt, time, shards);
    }

    public ShardGroupInfo withShards(List<ShardInfo> newShards) {
        return new ShardGroupInfo(id, startTime, endTime, truncatedAt, deletedAt, newShards);
    }

    /** This group with the shard of the same id replaced by {@code shard}. */
    public ShardGroupInfo withShard(ShardInfo shard) {
        List<ShardInfo> next = new ArrayList<>(shards);
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).id() == shard.id()) {
                next.set(i, shard);
                return withShards(next);
            }
        }
        throw new IllegalArgumentException("shard group " + id + " has no shard " + shard.id());
    }
}
