package io.shardline.datanode.query;

import java.util.List;

/** The query-management calls to another data node (SHOW QUERIES and KILL QUERY across the cluster). */
public interface QueryPeers {

    /** The queries running on the data node at {@code tcpAddress}. */
    List<RunningQuery> list(String tcpAddress);

    /** Kills query {@code qid} on the data node at {@code tcpAddress}; its errors come back unchanged. */
    void kill(String tcpAddress, long qid);
}
