package io.shardline.datanode.query;

import io.shardline.common.auth.Principal;
import io.shardline.common.auth.Privilege;

/**
 * Where and when a statement runs: the {@code db} and {@code rp} parameters of {@code /query} (empty
 * when absent), the query's {@code now()} in Unix nanoseconds, and the node to read from ({@code 0}
 * for the whole cluster; a data-node id to read only that node's local shards, for comparing
 * replicas), and the user whose privileges limit what {@code SHOW DATABASES} lists ({@code null}: no
 * limit, because authentication is off or the user is an admin).
 */
public record QueryContext(String database, String retentionPolicy, long nowNanos, long onlyNode, Principal user) {

    public QueryContext {
        database = database == null ? "" : database;
        retentionPolicy = retentionPolicy == null ? "" : retentionPolicy;
    }

    public QueryContext(String database, String retentionPolicy, long nowNanos, long onlyNode) {
        this(database, retentionPolicy, nowNanos, onlyNode, null);
    }

    /** 1.x's SHOW DATABASES filter: READ or WRITE on the database, or no limit. */
    public boolean mayList(String db) {
        return user == null || user.authorizeDatabase(Privilege.READ, db) || user.authorizeDatabase(Privilege.WRITE, db);
    }
}
