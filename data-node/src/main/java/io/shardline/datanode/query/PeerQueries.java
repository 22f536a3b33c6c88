package io.shardline.datanode.query;

/** The {@link OwnerQueries} of other data nodes, by node id (over gRPC in production). Thread-safe. */
public interface PeerQueries {

    OwnerQueries node(long nodeId);
}
