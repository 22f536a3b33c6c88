package io.shardline.datanode.copy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.model.Point;
import io.shardline.storage.ShardConverter;
import io.shardline.storage.ShardWriter;
import io.shardline.storage.WriteResult;
import io.shardline.tsm.TsmFormat;
import io.shardline.tsm.TsmKey;
import io.shardline.tsm.TsmPoints;
import io.shardline.tsm.TsmShardReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts an InfluxDB 1.x shard's TSM files (with their tombstone files) into a Shardline shard: the
 * live values as InfluxDB serves them ({@link TsmShardReader}: files merged, newest wins, tombstones
 * applied), keeping only the series that hash to {@code shardId} in its shard group (an InfluxDB shard
 * may become several Shardline shards), every value stamped with one {@code version} so all owners
 * hold identical replicas. Streams key by key in bounded memory. One instance per restore; runs on the
 * ingesting thread.
 */
public final class TsmShardConverter implements ShardConverter {

    /** Points per storage write. */
    static final int BATCH = 5_000;

    private final ShardGroupInfo group;
    private final long shardId;
    private final long version;
    private long points;

    public TsmShardConverter(ShardGroupInfo group, long shardId, long version) {
        this.group = group;
        this.shardId = shardId;
        this.version = version;
    }

    @Override
    public void convert(List<Path> files, ShardWriter shard) {
        List<Path> tsm = files.stream().filter(p -> p.getFileName().toString().endsWith(TsmFormat.EXTENSION)).toList();
        Path dir = files.isEmpty() ? null : files.get(0).getParent();
        List<Point> batch = new ArrayList<>(BATCH + TsmShardReader.CHUNK);
        try (TsmShardReader reader = TsmShardReader.open(tsm)) {
            while (reader.next()) {
                TsmKey key = reader.key();
                if (group.shardFor(key.series().fnv64a()).id() != shardId) {
                    continue;
                }
                TsmPoints.toPoints(key, reader.values(), batch);
                if (batch.size() >= BATCH) {
                    flush(shard, batch);
                }
            }
            flush(shard, batch);
        } catch (ShardlineException e) {
            // name the file as in the archive, not by the node's staging path
            String message = dir == null ? e.getMessage() : e.getMessage().replace(dir + "/", "");
            throw new ShardlineException(e.code(), message, e);
        }
    }

    private void flush(ShardWriter shard, List<Point> batch) {
        if (!batch.isEmpty()) {
            WriteResult r = shard.write(batch, version);
            if (r.dropped() > 0) {
                throw new ShardlineException(ErrorCode.FAILED_PRECONDITION, "shard " + shardId + " refused "
                        + r.dropped() + " converted points: " + r.firstReason());
            }
            points += batch.size();
            batch.clear();
        }
    }

    /** Values converted so far. */
    public long points() {
        return points;
    }
}
