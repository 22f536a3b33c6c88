package io.shardline.query.exec;

import java.util.List;

/**
 * Receives what {@link ShardSelectExecutor} produces on a shard owner, as it is produced: the rows of a raw
 * query one output series at a time (sorted, at most LIMIT + OFFSET of them), or the partial aggregates at the
 * end of an aggregate query. The data node writes them to the coordinator's stream or, for a local shard,
 * straight into its buffer. Called from the executing thread only.
 */
public interface ShardResultSink {

    /** The rows of one output series, in output order (ORDER BY applied). */
    void rows(List<RawRow> rows);

    /** Partial aggregates, one entry per non-empty (output series, bucket). */
    void partials(List<PartialGroup> partials);
}
