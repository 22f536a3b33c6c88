package io.shardline.datanode.entropy.rpc;

import io.shardline.datanode.entropy.EntropyReport;
import io.shardline.datanode.entropy.OwnerDetail;
import io.shardline.datanode.entropy.ShardEntropy;
import io.shardline.datanode.entropy.ReplicaInfo;
import io.shardline.model.SeriesKey;
import io.shardline.proto.datanode.EntropyOwnerDetail;
import io.shardline.proto.datanode.EntropySeriesRange;
import io.shardline.proto.datanode.EntropyShardInfoResponse;
import io.shardline.proto.datanode.EntropyShardStatus;
import io.shardline.proto.datanode.EntropyStatusResponse;
import io.shardline.storage.SeriesRange;
import java.util.ArrayList;
import java.util.List;

/** Conversions between the anti-entropy values and their protobuf messages. Stateless. */
public final class EntropyMessages {

    private EntropyMessages() {
    }

    public static EntropySeriesRange toMessage(SeriesRange r) {
        EntropySeriesRange.Builder b = EntropySeriesRange.newBuilder().setMeasurement(r.series().measurement())
                .setMinTime(r.minTime()).setMaxTime(r.maxTime());
        for (int i = 0; i < r.series().tagCount(); i++) {
            b.addTagKeys(r.series().tagKey(i)).addTagValues(r.series().tagValue(i));
        }
        return b.build();
    }

    public static SeriesRange fromMessage(EntropySeriesRange m) {
        SeriesKey key = SeriesKey.of(m.getMeasurement(), m.getTagKeysList().toArray(String[]::new),
                m.getTagValuesList().toArray(String[]::new));
        return new SeriesRange(key, m.getMinTime(), m.getMaxTime());
    }

    public static List<SeriesRange> ranges(List<EntropySeriesRange> ms) {
        List<SeriesRange> out = new ArrayList<>(ms.size());
        ms.forEach(m -> out.add(fromMessage(m)));
        return out;
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
