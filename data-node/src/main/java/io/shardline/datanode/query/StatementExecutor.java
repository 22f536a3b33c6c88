package io.shardline.datanode.query;

import io.shardline.query.ast.Statement;
import io.shardline.query.result.Series;
import java.util.List;

/**
 * Runs one parsed InfluxQL statement and returns its series. A statement error (database not found,
 * an invalid SELECT, an unreachable shard) is thrown as a {@code ShardlineException} whose message
 * goes into the result's {@code error}. Thread-safe.
 */
public interface StatementExecutor {

    List<Series> execute(Statement statement, QueryContext context);
}
