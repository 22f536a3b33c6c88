package io.shardline.storage.rocks;

import io.shardline.storage.ShardId;
import io.shardline.storage.TimeRange;
import java.io.Writer;

/**
 * One shard opened read-only by {@link ReadOnlyShards}: a fixed view of the shard as it was when it
 * was opened (a prefix of its atomic write batches, so index and data agree). Not thread-safe;
 * close it before its {@link ReadOnlyShards}.
 */
public final class ReadOnlyShard implements AutoCloseable {

    private final ShardState state;

    ReadOnlyShard(ShardState state) {
        this.state = state;
    }

    public ShardId id() {
        return state.id;
    }

    /**
     * Writes the visible values with a timestamp in {@code range} as {@code influx_inspect export}
     * lines, exactly as {@link io.shardline.storage.ShardCopy#exportLineProtocol} does on a running
     * store, and returns the number of lines.
     */
    public long exportLineProtocol(TimeRange range, Writer out) {
        return new RocksExport(state).export(range, out);
    }

    @Override
    public void close() {
        state.db.close();
        state.res.invalidate(state.instance);
    }
}
