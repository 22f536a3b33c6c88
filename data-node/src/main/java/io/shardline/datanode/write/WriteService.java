package io.shardline.datanode.write;

import io.shardline.model.Point;
import java.util.List;

/** What the HTTP {@code /write} endpoint needs from the write path. Thread-safe. */
public interface WriteService {

    /** True if the database exists in this node's cluster view. */
    boolean databaseExists(String database);

    /**
     * Writes points; returns the HLC version every stored value of this request carries.
     *
     * @throws io.shardline.common.error.ShardlineException with the code and exact message the
     *     endpoint answers with
     */
    long write(String database, String retentionPolicy, ConsistencyLevel level, List<Point> points);
}
