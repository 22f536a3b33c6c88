package io.shardline.storage;

/**
 * Streaming reads of visible data. The returned cursors hold a consistent view of the shard taken
 * when they were opened. Thread-safe; each cursor is confined to its caller.
 */
public interface ShardReader {

    /** Rows of the requested fields. */
    CloseableIterator<Row> scan(ScanRequest request);

    /** Blocks of one field for aggregates. */
    FieldBlockCursor scanField(FieldScanRequest request);
}
