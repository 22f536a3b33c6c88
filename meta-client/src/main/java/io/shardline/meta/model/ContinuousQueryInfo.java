package io.shardline.meta.model;

import java.util.Objects;

/**
 * A continuous query of a database: its name, the {@code CREATE CONTINUOUS QUERY} text as 1.x normalises and
 * stores it, and when it last ran (Unix nanoseconds of the run's aligned time, {@code 0} = never), so a node
 * taking over the continuous-query lease continues where the previous one stopped.
 */
public record ContinuousQueryInfo(String name, String query, long lastRun) {

    public ContinuousQueryInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(query, "query");
    }

    /** Whether it ran at least once. */
    public boolean hasRun() {
        return lastRun != 0;
    }

    /** This query with another last run. */
    public ContinuousQueryInfo withLastRun(long newLastRun) {
        return new ContinuousQueryInfo(name, query, newLastRun);
    }
}
