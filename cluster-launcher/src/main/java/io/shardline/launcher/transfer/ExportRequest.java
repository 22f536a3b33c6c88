package io.shardline.launcher.transfer;

import io.shardline.storage.ShardId;
import io.shardline.storage.TimeRange;

/**
 * What to export: which shards ({@code database}, {@code retentionPolicy} and {@code shard} are null
 * when not restricted), which timestamps (inclusive, as {@code influx_inspect export}), and whether
 * to leave out the comment and DDL lines. Immutable.
 */
record ExportRequest(String database, String retentionPolicy, Long shard, TimeRange range, boolean lineProtocolOnly) {

    boolean selects(ShardId id) {
        return (database == null || database.equals(id.database()))
                && (retentionPolicy == null || retentionPolicy.equals(id.retentionPolicy()))
                && (shard == null || shard == id.id());
    }
}
