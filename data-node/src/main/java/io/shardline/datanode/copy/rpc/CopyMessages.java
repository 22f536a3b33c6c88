package io.shardline.datanode.copy.rpc;

import io.shardline.datanode.copy.CopyProgress;
import io.shardline.datanode.copy.ReplicaState;
import io.shardline.model.SeriesKey;
import io.shardline.proto.datanode.CopyShardInfo;
import io.shardline.proto.datanode.LocalShardState;
import io.shardline.proto.datanode.SeriesKeyMessage;
import io.shardline.proto.datanode.SeriesRangeMessage;
import io.shardline.storage.SeriesRange;

/** Domain records of copy-shard to and from their protobuf messages. Stateless. */
public final class CopyMessages {

    private CopyMessages() {
    }

    public static CopyShardInfo encode(CopyProgress p) {
        return CopyShardInfo.newBuilder().setSourceTcpAddress(p.source()).setDestinationTcpAddress(p.destination())
                .setDatabase(p.database()).setRetentionPolicy(p.retentionPolicy()).setShardId(p.shardId())
                .setTotalBytes(p.totalBytes()).setCopiedBytes(p.copiedBytes()).setStartedAt(p.startedAtNanos())
                .setSide(p.side().label()).setPhase(p.phase()).build();
    }

    public static CopyProgress decode(CopyShardInfo m) {
        return new CopyProgress(m.getSourceTcpAddress(), m.getDestinationTcpAddress(), m.getDatabase(),
                m.getRetentionPolicy(), m.getShardId(), m.getTotalBytes(), m.getCopiedBytes(), m.getStartedAt(),
                CopyProgress.Side.fromLabel(m.getSide()), m.getPhase());
    }

    public static LocalShardState encode(ReplicaState r) {
        return LocalShardState.newBuilder().setShardId(r.shardId()).setState(r.state())
                .setLastModified(r.lastModifiedNanos()).setSize(r.sizeBytes()).setError(r.error()).build();
    }

    static SeriesRangeMessage encode(SeriesRange r) {
        SeriesKey s = r.series();
        SeriesKeyMessage.Builder key = SeriesKeyMessage.newBuilder().setMeasurement(s.measurement());
        for (int i = 0; i < s.tagCount(); i++) {
            key.addTagKeys(s.tagKey(i)).addTagValues(s.tagValue(i));
        }
        return SeriesRangeMessage.newBuilder().setSeries(key).setMinTime(r.minTime()).setMaxTime(r.maxTime()).build();
    }

    static SeriesRange decode(SeriesRangeMessage m) {
        SeriesKeyMessage k = m.getSeries();
        SeriesKey key = SeriesKey.of(k.getMeasurement(), k.getTagKeysList().toArray(String[]::new),
                k.getTagValuesList().toArray(String[]::new));
        return new SeriesRange(key, m.getMinTime(), m.getMaxTime());
    }
}
