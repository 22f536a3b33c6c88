package io.shardline.datanode.query;

/**
 * One query in progress on a data node, as {@code SHOW QUERIES} lists it.
 *
 * @param qid the node-local query id (unsigned)
 * @param durationNanos how long it has been running
 * @param status {@code running} or {@code killed}
 */
public record RunningQuery(long qid, String query, String database, long durationNanos, String status) {
}
