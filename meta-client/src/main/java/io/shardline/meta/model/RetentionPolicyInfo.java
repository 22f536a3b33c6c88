package io.shardline.meta.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A retention policy and its shard groups, kept sorted by start time (then id) so that time lookups
 * are binary searches. {@code duration} 0 means infinite; {@code replicaN} is the desired replication
 * factor (clamped to the number of data nodes when a group is created). Time lookups assume what the
 * meta state machine guarantees: live groups never overlap.
 */
public record RetentionPolicyInfo(String name, long duration, long shardGroupDuration, int replicaN,
                                  List<ShardGroupInfo> shardGroups) {

    /** The order shard groups are kept in. */
    public static final Comparator<ShardGroupInfo> BY_START_TIME =
            Comparator.comparingLong(ShardGroupInfo::startTime).thenComparingLong(ShardGroupInfo::id);

    public RetentionPolicyInfo {
        Objects.requireNonNull(name, "name");
        shardGroups = sortedCopy(shardGroups);
    }

    /** A policy without shard groups. */
    public static RetentionPolicyInfo of(String name, long duration, long shardGroupDuration, int replicaN) {
        return new RetentionPolicyInfo(name, duration, shardGroupDuration, replicaN, List.of());
    }

    /** Whether data is kept forever ({@code DURATION INF}). */
    public boolean infinite() {
        return duration == 0;
    }

    /** The live group that writes for time {@code t} go to, if any. O(log n). */
    public Optional<ShardGroupInfo> shardGroupAt(long t) {
        return previousShardGroup(t).filter(group -> group.contains(t));
    }

    /**
     * The live group with the latest start time at or before {@code t}, whether or not it still covers
     * {@code t}.
     */
    public Optional<ShardGroupInfo> previousShardGroup(long t) {
        for (int i = lastStartingAtOrBefore(t); i >= 0; i--) {
            ShardGroupInfo group = shardGroups.get(i);
            if (group.live()) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }

    /** The live group with the earliest start time after {@code t}. */
    public Optional<ShardGroupInfo> nextShardGroup(long t) {
        for (int i = lastStartingAtOrBefore(t) + 1; i < shardGroups.size(); i++) {
            ShardGroupInfo group = shardGroups.get(i);
            if (group.live()) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }

    /** The live groups holding data of the inclusive time range {@code [min, max]}, by start time. */
    public List<ShardGroupInfo> shardGroupsOverlapping(long min, long max) {
        List<ShardGroupInfo> found = new ArrayList<>();
        for (int i = lastStartingAtOrBefore(max); i >= 0; i--) {
            ShardGroupInfo group = shardGroups.get(i);
            if (!group.live()) {
                continue;
            }
            if (group.effectiveEnd() <= min) {
                break; // live groups are disjoint: every earlier one ends even sooner
            }
            found.add(group);
        }
        Collections.reverse(found);
        return found;
    }

    /** The group with the given id, deleted or not. O(n). */
    public Optional<ShardGroupInfo> shardGroup(long groupId) {
        return shardGroups.stream().filter(group -> group.id() == groupId).findFirst();
    }

    /** When the group expires ({@code end + duration}, saturating), or empty for an infinite policy. */
    public OptionalLong expiryTime(ShardGroupInfo group) {
        return infinite() ? OptionalLong.empty() : OptionalLong.of(saturatedAdd(group.endTime(), duration));
    }

    /** Whether retention removes the group at {@code now}: finite policy and {@code end + duration < now}. */
    public boolean expired(ShardGroupInfo group, long now) {
        return !infinite() && saturatedAdd(group.endTime(), duration) < now;
    }

    public RetentionPolicyInfo withName(String newName) {
        return new RetentionPolicyInfo(newName, duration, shardGroupDuration, replicaN, shardGroups);
    }

    public RetentionPolicyInfo withDuration(long newDuration) {
        return new RetentionPolicyInfo(name, newDuration, shardGroupDuration, replicaN, shardGroups);
    }

    public RetentionPolicyInfo withShardGroupDuration(long newShardGroupDuration) {
        return new RetentionPolicyInfo(name, duration, newShardGroupDuration, replicaN, shardGroups);
    }

    public RetentionPolicyInfo withReplicaN(int newReplicaN) {
        return new RetentionPolicyInfo(name, duration, shardGroupDuration, newReplicaN, shardGroups);
    }

    public RetentionPolicyInfo withShardGroups(List<ShardGroupInfo> groups) {
        return new RetentionPolicyInfo(name, duration, shardGroupDuration, replicaN, groups);
    }

    /** This policy with {@code group} added, or replacing the group with the same id. */
    public RetentionPolicyInfo withShardGroup(ShardGroupInfo group) {
        List<ShardGroupInfo> next = new ArrayList<>(shardGroups.size() + 1);
        for (ShardGroupInfo existing : shardGroups) {
            if (existing.id() != group.id()) {
                next.add(existing);
            }
        }
        next.add(group);
        return withShardGroups(next);
    }

    /** Index of the last group (in list order) whose start is at or before {@code t}, or -1. */
    private int lastStartingAtOrBefore(long t) {
        int lo = 0;
        int hi = shardGroups.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (shardGroups.get(mid).startTime() <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    private static List<ShardGroupInfo> sortedCopy(List<ShardGroupInfo> groups) {
        List<ShardGroupInfo> copy = List.copyOf(groups);
        for (int i = 1; i < copy.size(); i++) {
            if (BY_START_TIME.compare(copy.get(i - 1), copy.get(i)) > 0) {
                List<ShardGroupInfo> sorted = new ArrayList<>(copy);
                sorted.sort(BY_START_TIME);
                return List.copyOf(sorted);
            }
        }
        return copy;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }
}
