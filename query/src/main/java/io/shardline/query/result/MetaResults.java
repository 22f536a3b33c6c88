package io.shardline.query.result;

import io.shardline.common.unit.GoDurations;
import io.shardline.query.value.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builders for the result shapes of the meta statements (1.x's {@code tests/server_test.go}); the executor
 * supplies the rows. Stateless.
 */
public final class MetaResults {

    /** One retention policy row of {@code SHOW RETENTION POLICIES}. */
    public record RetentionPolicyRow(String name, long durationNanos, long shardGroupDurationNanos,
            int replicaN, boolean isDefault) {
    }

    /** One shard row of {@code SHOW SHARDS}. */
    public record ShardRow(long id, String database, String retentionPolicy, long shardGroup, long startTime,
            long endTime, long expiryTime, String owners) {
    }

    /** One row of {@code SHOW SHARD GROUPS}. */
    public record ShardGroupRow(long id, String database, String retentionPolicy, long startTime, long endTime,
            long expiryTime) {
    }

    private MetaResults() {
    }

    /** {@code SHOW DATABASES}: series {@code databases}, column {@code name} (no values when empty). */
    public static Series databases(List<String> names) {
        return Series.of("databases", null, List.of("name"), rows(names));
    }

    /** {@code SHOW RETENTION POLICIES}: no name; durations as Go strings ({@code 168h0m0s}). */
    public static Series retentionPolicies(List<RetentionPolicyRow> policies) {
        List<List<Object>> rows = new ArrayList<>();
        for (RetentionPolicyRow p : policies) {
            rows.add(List.of(p.name(), GoDurations.format(Duration.ofNanos(p.durationNanos())),
                    GoDurations.format(Duration.ofNanos(p.shardGroupDurationNanos())), (long) p.replicaN(),
                    p.isDefault()));
        }
        return Series.of("", null, List.of("name", "duration", "shardGroupDuration", "replicaN", "default"), rows);
    }

    /** {@code SHOW MEASUREMENTS}: series {@code measurements}, column {@code name}. */
    public static Series measurements(List<String> names) {
        return Series.of("measurements", null, List.of("name"), rows(names));
    }

    /** {@code SHOW SERIES}: no name, column {@code key}, values the series keys. */
    public static Series seriesKeys(List<String> keys) {
        return Series.of("", null, List.of("key"), rows(keys));
    }

    /** {@code SHOW TAG KEYS} for one measurement: column {@code tagKey}. */
    public static Series tagKeys(String measurement, List<String> keys) {
        return Series.of(measurement, null, List.of("tagKey"), rows(keys));
    }

    /** {@code SHOW TAG VALUES} for one measurement: columns {@code key}, {@code value}. */
    public static Series tagValues(String measurement, List<Map.Entry<String, String>> pairs) {
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<String, String> e : pairs) {
            rows.add(List.of(e.getKey(), e.getValue()));
        }
        return Series.of(measurement, null, List.of("key", "value"), rows);
    }

    /** {@code SHOW FIELD KEYS} for one measurement: columns {@code fieldKey}, {@code fieldType}. */
    public static Series fieldKeys(String measurement, List<Map.Entry<String, String>> keysAndTypes) {
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<String, String> e : keysAndTypes) {
            rows.add(List.of(e.getKey(), e.getValue()));
        }
        return Series.of(measurement, null, List.of("fieldKey", "fieldType"), rows);
    }

    /** {@code SHOW SHARDS} for one database (series name = database). */
    public static Series shards(String database, List<ShardRow> shards) {
        List<List<Object>> rows = new ArrayList<>();
        for (ShardRow s : shards) {
            rows.add(List.of(s.id(), s.database(), s.retentionPolicy(), s.shardGroup(), new Timestamp(s.startTime()),
                    new Timestamp(s.endTime()), new Timestamp(s.expiryTime()), s.owners()));
        }
        return Series.of(database, null, List.of("id", "database", "retention_policy", "shard_group", "start_time",
                "end_time", "expiry_time", "owners"), rows);
    }

    /** {@code SHOW SHARD GROUPS}: series {@code shard groups}. */
    public static Series shardGroups(List<ShardGroupRow> groups) {
        List<List<Object>> rows = new ArrayList<>();
        for (ShardGroupRow g : groups) {
            rows.add(List.of(g.id(), g.database(), g.retentionPolicy(), new Timestamp(g.startTime()),
                    new Timestamp(g.endTime()), new Timestamp(g.expiryTime())));
        }
        return Series.of("shard groups", null, List.of("id", "database", "retention_policy", "start_time",
                "end_time", "expiry_time"), rows);
    }

    private static List<List<Object>> rows(List<String> values) {
        List<List<Object>> rows = new ArrayList<>(values.size());
        for (String v : values) {
            rows.add(List.of(v));
        }
        return rows;
    }
}
