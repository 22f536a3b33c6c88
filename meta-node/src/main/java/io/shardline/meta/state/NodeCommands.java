package io.shardline.meta.state;

import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cluster membership: add, remove and update data nodes, add and remove meta nodes. Meta and data
 * nodes take ids from one sequence that never goes back, so ids are never reused. Stateless and pure.
 */
final class NodeCommands {

    private NodeCommands() {
    }

    static Outcome addDataNode(ClusterMetadata meta, MetaCommand.AddDataNode command) {
        if (command.tcpAddress().isEmpty()) {
            return MetaErrors.invalid("data node tcp address required");
        }
        Optional<NodeInfo> existing = meta.dataNodeByTcpAddress(command.tcpAddress());
        if (existing.isPresent()) {
            return Outcome.ok(meta, existing.get());
        }
        NodeInfo node = new NodeInfo(meta.maxNodeId() + 1, command.tcpAddress(), command.httpAddress());
        return Outcome.ok(meta.withDataNodes(plus(meta.dataNodes(), node)).withMaxNodeId(node.id()), node);
    }

    /** Removes the node and drops it from the owners of every shard; shards are not re-homed. */
    static Outcome removeDataNode(ClusterMetadata meta, MetaCommand.RemoveDataNode command) {
        long id = command.nodeId();
        Optional<NodeInfo> node = meta.dataNode(id);
        if (node.isEmpty()) {
            return MetaErrors.nodeNotFound(id);
        }
        ClusterMetadata withoutOwner = GroupRewrites.mapGroups(meta, (db, policy, group) -> withoutOwner(group, id));
        return Outcome.ok(withoutOwner.withDataNodes(minus(meta.dataNodes(), id)), node.get());
    }

    /** Re-points a node id at a new address; rejected if another data node has that TCP address. */
    static Outcome updateDataNode(ClusterMetadata meta, MetaCommand.UpdateDataNode command) {
        Optional<NodeInfo> node = meta.dataNodeByTcpAddress(command.oldTcpAddress());
        if (node.isEmpty()) {
            return MetaErrors.nodeNotFound(command.oldTcpAddress());
        }
        if (command.newTcpAddress().isEmpty()) {
            return MetaErrors.invalid("data node tcp address required");
        }
        Optional<NodeInfo> holder = meta.dataNodeByTcpAddress(command.newTcpAddress());
        if (holder.isPresent() && holder.get().id() != node.get().id()) {
            return MetaErrors.nodeExists(command.newTcpAddress());
        }
        String http = command.newHttpAddress().isEmpty() ? node.get().httpAddress() : command.newHttpAddress();
        NodeInfo updated = node.get().withAddresses(command.newTcpAddress(), http);
        return Outcome.ok(meta.withDataNodes(plus(minus(meta.dataNodes(), updated.id()), updated)), updated);
    }

    /** Idempotent by HTTP address; a Raft address already used by another meta node is rejected. */
    static Outcome addMetaNode(ClusterMetadata meta, MetaCommand.AddMetaNode command) {
        if (command.httpAddress().isEmpty()) {
            return MetaErrors.invalid("meta node http address required");
        }
        Optional<NodeInfo> existing = meta.metaNodeByHttpAddress(command.httpAddress());
        if (existing.isPresent()) {
            return Outcome.ok(meta, existing.get());
        }
        String raft = command.raftAddress();
        if (!raft.isEmpty() && meta.metaNodes().stream().anyMatch(node -> node.tcpAddress().equals(raft))) {
            return MetaErrors.nodeExists(raft);
        }
        NodeInfo node = new NodeInfo(meta.maxNodeId() + 1, command.raftAddress(), command.httpAddress());
        return Outcome.ok(meta.withMetaNodes(plus(meta.metaNodes(), node)).withMaxNodeId(node.id()), node);
    }

    static Outcome removeMetaNode(ClusterMetadata meta, MetaCommand.RemoveMetaNode command) {
        Optional<NodeInfo> node = meta.metaNode(command.nodeId());
        if (node.isEmpty()) {
            return MetaErrors.nodeNotFound(command.nodeId());
        }
        return Outcome.ok(meta.withMetaNodes(minus(meta.metaNodes(), command.nodeId())), node.get());
    }

    private static ShardGroupInfo withoutOwner(ShardGroupInfo group, long nodeId) {
        if (group.shards().stream().noneMatch(shard -> shard.ownedBy(nodeId))) {
            return group;
        }
        List<ShardInfo> shards = group.shards().stream().map(shard -> shard.withoutOwner(nodeId)).toList();
        return group.withShards(shards);
    }

    private static List<NodeInfo> plus(List<NodeInfo> nodes, NodeInfo node) {
        List<NodeInfo> next = new ArrayList<>(nodes);
        next.add(node);
        return next;
    }

    private static List<NodeInfo> minus(List<NodeInfo> nodes, long id) {
        return nodes.stream().filter(node -> node.id() != id).toList();
    }
}
