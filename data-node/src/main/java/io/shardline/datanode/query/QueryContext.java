package io.shardline.datanode.query;

/**
 * Where and when a statement runs: the {@code db} and {@code rp} parameters of {@code /query} (empty
 * when absent), the query's {@code now()} in Unix nanoseconds, and the node to read from ({@code 0}
 * for the whole cluster; a data-node id to read only that node's local shards, for comparing
 * replicas).
 */
public record QueryContext(String database, String retentionPolicy, long nowNanos, long onlyNode) {

    public QueryContext {
        database = database == null ? "" : database;
        retentionPolicy = retentionPolicy == null ? "" : retentionPolicy;
    }
}
