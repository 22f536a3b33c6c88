package io.shardline.storage;

import java.io.Writer;

/**
 * Whole-shard copies: a consistent snapshot for copy-shard, and line-protocol export. Thread-safe.
 */
public interface ShardCopy {

    /** A consistent point-in-time snapshot; close it when the copy is done. */
    ShardSnapshot snapshot();

    /**
     * Writes the visible values with a timestamp in {@code range} in the {@code influx_inspect export}
     * form: one line {@code <series key> <field>=<value> <timestamp>} per value, series in key order,
     * then fields in key order, then time. Returns the number of lines.
     */
    long exportLineProtocol(TimeRange range, Writer out);
}
