package io.shardline.datanode.entropy.rpc;

import io.shardline.datanode.entropy.EntropyReport;
import io.shardline.datanode.entropy.OwnerDetail;
import io.shardline.datanode.entropy.ShardEntropy;
import io.shardline.datanode.entropy.ReplicaInfo;
import io.shardline.proto.datanode.EntropyOwnerDetail;
import io.shardline.proto.datanode.EntropyShardInfoResponse;
import io.shardline.proto.datanode.EntropyShardStatus;
import io.shardline.proto.datanode.EntropyStatusResponse;
import java.util.ArrayList;
import java.util.List;

/** Conversions between the anti-entropy values and their protobuf messages. Stateless. */
public final class EntropyMessages {

    private EntropyMessages() {
    }

    public static EntropyShardInfoResponse toMessage(ReplicaInfo i) {
        return EntropyShardInfoResponse.newBuilder().setExists(i.exists()).setLastModified(i.lastModified())
                .setPoints(i.points()).setValues(i.values()).setDigestRoot(i.digestRoot())
                .setEstimatedRepairBytes(i.estimatedRepairBytes()).setComparedWith(i.comparedWith()).build();
    }

    public static ReplicaInfo fromMessage(EntropyShardInfoResponse m) {
        return new ReplicaInfo(m.getExists(), m.getLastModified(), m.getPoints(), m.getValues(), m.getDigestRoot(),
                m.getEstimatedRepairBytes(), m.getComparedWith());
    }

    public static EntropyStatusResponse toMessage(EntropyReport r) {
        EntropyStatusResponse.Builder b = EntropyStatusResponse.newBuilder().setVersionCutoff(r.versionCutoff())
                .addAllQueuedShards(r.queued()).addAllProcessingShards(r.processing()).addAllUnreachable(r.unreachable());
        for (ShardEntropy s : r.shards()) {
            b.addShards(EntropyShardStatus.newBuilder().setId(s.id()).setDatabase(s.database())
                    .setRetentionPolicy(s.retentionPolicy()).setStartTime(s.startTime()).setEndTime(s.endTime())
                    .setExpires(s.expires()).setStatus(s.status()));
        }
        for (OwnerDetail o : r.owners()) {
            b.addOwners(EntropyOwnerDetail.newBuilder().setShardId(o.shardId()).setNodeId(o.nodeId())
                    .setTcpAddress(o.tcpAddress()).setExists(o.exists()).setPoints(o.points()).setDigestRoot(o.digestRoot())
                    .setLastModified(o.lastModified()).setEstimatedRepairBytes(o.estimatedRepairBytes()).setError(o.error()));
        }
        return b.build();
    }

    public static EntropyReport fromMessage(EntropyStatusResponse m) {
        List<ShardEntropy> shards = new ArrayList<>();
        for (EntropyShardStatus s : m.getShardsList()) {
            shards.add(new ShardEntropy(s.getId(), s.getDatabase(), s.getRetentionPolicy(), s.getStartTime(),
                    s.getEndTime(), s.getExpires(), s.getStatus()));
        }
        List<OwnerDetail> owners = new ArrayList<>();
        for (EntropyOwnerDetail o : m.getOwnersList()) {
            owners.add(new OwnerDetail(o.getShardId(), o.getNodeId(), o.getTcpAddress(), o.getExists(), o.getPoints(),
                    o.getDigestRoot(), o.getLastModified(), o.getEstimatedRepairBytes(), o.getError()));
        }
        return new EntropyReport(shards, m.getQueuedShardsList(), m.getProcessingShardsList(), owners,
                m.getVersionCutoff(), m.getUnreachableList());
    }
}
