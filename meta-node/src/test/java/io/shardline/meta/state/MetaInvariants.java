package io.shardline.meta.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.shardline.common.error.ErrorCode;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import io.shardline.meta.model.ShardLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * The invariants the simulation checks after every command, comparing the metadata before and after.
 * Owner lists: at creation a shard has exactly min(RF, N) distinct owners, all data nodes; afterwards
 * an owner list changes only by RemoveDataNode (that node drops out, order kept), AddShardOwner
 * (appended) and RemoveShardOwner (dropped), so owners are always distinct, existing data nodes.
 */
final class MetaInvariants {

    private MetaInvariants() {
    }

    /**
     * Checks one step. {@code beforeShards} indexes the shards of {@code before}; returns the same index
     * for the metadata after the step, for the next call.
     */
    static Map<Long, ShardLocation> check(ClusterMetadata before, Map<Long, ShardLocation> beforeShards,
                                          MetaCommand command, MetaTransition transition, long index,
                                          String context) {
        ClusterMetadata after = transition.state().metadata();
        assertThat(after.version()).as(context).isEqualTo(index);
        if (transition.result() instanceof MetaResult.Failure failure) {
            assertThat(failure.code()).as(context + " failure " + failure).isNotEqualTo(ErrorCode.INTERNAL);
            assertThat(after).as(context).isEqualTo(before.withVersion(index));
            return beforeShards;
        }
        Map<Long, ShardLocation> afterShards = byShardId(after);
        checkNodes(before, after, context);
        checkGroupsAndShards(before, after, context);
        checkNewGroups(before, after, beforeShards, context);
        checkOwnerChanges(before, afterShards, command, context);
        CommandPostconditions.check(after, command, transition.result(), context);
        return afterShards;
    }

    private static void checkNodes(ClusterMetadata before, ClusterMetadata after, String context) {
        assertThat(after.maxNodeId()).as(context).isGreaterThanOrEqualTo(before.maxNodeId());
        List<Long> ids = new ArrayList<>();
        after.metaNodes().forEach(node -> ids.add(node.id()));
        after.dataNodes().forEach(node -> ids.add(node.id()));
        assertThat(ids).as(context + " node ids").doesNotHaveDuplicates().allMatch(id -> id <= after.maxNodeId());
        assertThat(after.dataNodes()).map(NodeInfo::tcpAddress).as(context).doesNotHaveDuplicates();
        assertThat(after.metaNodes()).map(NodeInfo::httpAddress).as(context).doesNotHaveDuplicates();
        Set<Long> old = new HashSet<>();
        before.metaNodes().forEach(node -> old.add(node.id()));
        before.dataNodes().forEach(node -> old.add(node.id()));
        List<Long> added = ids.stream().filter(id -> !old.contains(id)).toList();
        if (!added.isEmpty()) {
            assertThat(added).as(context + " new node id").containsExactly(before.maxNodeId() + 1);
            assertThat(after.maxNodeId()).as(context).isEqualTo(before.maxNodeId() + 1);
        }
    }

    private static void checkGroupsAndShards(ClusterMetadata before, ClusterMetadata after, String context) {
        assertThat(after.maxShardGroupId()).as(context).isGreaterThanOrEqualTo(before.maxShardGroupId());
        assertThat(after.maxShardId()).as(context).isGreaterThanOrEqualTo(before.maxShardId());
        Set<Long> dataNodes = new HashSet<>(after.dataNodeIds());
        Set<Long> groupIds = new HashSet<>();
        Set<Long> shardIds = new HashSet<>();
        for (DatabaseInfo db : after.databases().values()) {
            for (RetentionPolicyInfo policy : db.retentionPolicies().values()) {
                checkPolicy(policy, context, db.name());
                for (ShardGroupInfo group : policy.shardGroups()) {
                    require(groupIds.add(group.id()) && group.id() <= after.maxShardGroupId(),
                            context, "group id not unique or above the sequence", group);
                    for (ShardInfo shard : group.shards()) {
                        require(shardIds.add(shard.id()) && shard.id() <= after.maxShardId(),
                                context, "shard id not unique or above the sequence", shard);
                        require(dataNodes.containsAll(shard.owners()), context, "owner is not a data node", shard);
                    }
                }
            }
        }
    }

    /** Sorted by start, sane truncation, and live groups never overlap. */
    private static void checkPolicy(RetentionPolicyInfo policy, String context, String database) {
        ShardGroupInfo previousLive = null;
        ShardGroupInfo previous = null;
        for (ShardGroupInfo group : policy.shardGroups()) {
            require(previous == null || previous.startTime() <= group.startTime(), context, "groups not sorted", group);
            previous = group;
            require(!group.truncated()
                            || (group.truncatedAt() >= group.startTime() && group.truncatedAt() <= group.endTime()),
                    context, "truncatedAt outside the group", group);
            if (!group.live()) {
                continue;
            }
            if (previousLive != null && previousLive.effectiveEnd() > group.startTime()) {
                fail(context + " rp=" + database + "." + policy.name() + " overlap of groups "
                        + previousLive + " and " + group);
            }
            previousLive = group;
        }
    }

    /** New groups take the next ids in order and are placed on min(RF, N) distinct data nodes. */
    private static void checkNewGroups(ClusterMetadata before, ClusterMetadata after,
                                       Map<Long, ShardLocation> beforeShards, String context) {
        List<Long> newGroupIds = new ArrayList<>();
        List<Long> newShardIds = new ArrayList<>();
        List<Long> dataNodes = before.dataNodeIds();
        for (ShardLocation location : after.shards()) {
            if (beforeShards.containsKey(location.shardId())) {
                continue;
            }
            newShardIds.add(location.shardId());
            ShardGroupInfo group = location.group();
            if (!newGroupIds.contains(group.id())) {
                newGroupIds.add(group.id());
                RetentionPolicyInfo policy =
                        before.retentionPolicy(location.database(), location.retentionPolicy()).orElseThrow();
                int rf = ShardPlacement.effectiveReplicaN(policy.replicaN(), dataNodes.size());
                assertThat(group.shards()).as(context + " shards of new group").hasSize(dataNodes.size() / rf);
                for (ShardInfo shard : group.shards()) {
                    assertThat(shard.owners()).as(context + " new shard owners").hasSize(rf)
                            .doesNotHaveDuplicates();
                    assertThat(dataNodes).as(context).containsAll(shard.owners());
                }
            }
        }
        newGroupIds.sort(null);
        newShardIds.sort(null);
        assertThat(newGroupIds).as(context + " new group ids").containsExactlyElementsOf(
                LongStream.rangeClosed(before.maxShardGroupId() + 1, after.maxShardGroupId()).boxed().toList());
        assertThat(newShardIds).as(context + " new shard ids").containsExactlyElementsOf(
                LongStream.rangeClosed(before.maxShardId() + 1, after.maxShardId()).boxed().toList());
    }

    /** Owner lists of shards that exist before and after change only as the class javadoc says. */
    private static void checkOwnerChanges(ClusterMetadata before, Map<Long, ShardLocation> afterShards,
                                          MetaCommand command, String context) {
        for (ShardLocation old : before.shards()) {
            ShardLocation now = afterShards.get(old.shardId());
            if (now == null) {
                continue; // dropped with its database, policy or a pruned group
            }
            ShardInfo expected = old.shard();
            if (command instanceof MetaCommand.RemoveDataNode c) {
                expected = expected.withoutOwner(c.nodeId());
            } else if (command instanceof MetaCommand.AddShardOwner c && c.shardId() == old.shardId()) {
                expected = expected.withOwner(c.nodeId());
            } else if (command instanceof MetaCommand.RemoveShardOwner c && c.shardId() == old.shardId()) {
                expected = expected.withoutOwner(c.nodeId());
            }
            if (!now.shard().equals(expected)) {
                fail(context + " owners of shard " + old.shardId() + ": expected " + expected + " but was "
                        + now.shard());
            }
        }
    }

    private static void require(boolean condition, String context, String what, Object subject) {
        if (!condition) {
            fail(context + ": " + what + ": " + subject);
        }
    }

    static Map<Long, ShardLocation> byShardId(ClusterMetadata meta) {
        Map<Long, ShardLocation> map = new HashMap<>();
        meta.shards().forEach(location -> map.put(location.shardId(), location));
        return map;
    }
}
