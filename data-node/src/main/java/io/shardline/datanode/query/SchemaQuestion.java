package io.shardline.datanode.query;

import io.shardline.query.ast.Expr;
import java.util.List;
import java.util.Objects;

/**
 * A schema question to one owner about some of its shards (all of one database): the measurement names, the
 * fields and tag keys of some measurements, or the series, tag keys or tag values of one measurement whose
 * tags satisfy {@code condition} (tags only; null = every series). Immutable.
 */
public record SchemaQuestion(Kind kind, List<Long> shardIds, List<String> measurements, Expr condition,
        List<String> tagKeys) {

    /** What is asked. */
    public enum Kind {
        /** Names of the measurements with a series satisfying the condition. */
        MEASUREMENTS,
        /** Field keys with types and tag keys of {@code measurements}. */
        DESCRIBE,
        /** Series keys of the one measurement satisfying the condition. */
        SERIES,
        /** Tag keys of the series of the one measurement satisfying the condition. */
        TAG_KEYS,
        /** Values of {@code tagKeys} among the series of the one measurement satisfying the condition. */
        TAG_VALUES
    }

    public SchemaQuestion {
        Objects.requireNonNull(kind, "kind");
        shardIds = List.copyOf(shardIds);
        measurements = List.copyOf(measurements);
        tagKeys = List.copyOf(tagKeys);
    }

    public static SchemaQuestion measurements(Expr condition) {
        return new SchemaQuestion(Kind.MEASUREMENTS, List.of(), List.of(), condition, List.of());
    }

    public static SchemaQuestion describe(List<String> measurements) {
        return new SchemaQuestion(Kind.DESCRIBE, List.of(), measurements, null, List.of());
    }

    public static SchemaQuestion series(String measurement, Expr condition) {
        return new SchemaQuestion(Kind.SERIES, List.of(), List.of(measurement), condition, List.of());
    }

    public static SchemaQuestion tagKeys(String measurement, Expr condition) {
        return new SchemaQuestion(Kind.TAG_KEYS, List.of(), List.of(measurement), condition, List.of());
    }

    public static SchemaQuestion tagValues(String measurement, List<String> keys, Expr condition) {
        return new SchemaQuestion(Kind.TAG_VALUES, List.of(), List.of(measurement), condition, keys);
    }

    /** The same question about {@code shards}. */
    public SchemaQuestion about(List<Long> shards) {
        return new SchemaQuestion(kind, shards, measurements, condition, tagKeys);
    }

    /** The one measurement of a SERIES, TAG_KEYS or TAG_VALUES question. */
    public String measurement() {
        return measurements.get(0);
    }
}
