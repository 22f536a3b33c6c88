package io.shardline.query.value;

/**
 * A time value inside a result row (Go's {@code time.Time}): JSON prints it as RFC3339Nano, the first column is
 * converted to an integer when {@code epoch} is given, CSV prints nanoseconds. Immutable.
 */
public record Timestamp(long nanos) implements Comparable<Timestamp> {

    @Override
    public int compareTo(Timestamp o) {
        return Long.compare(nanos, o.nanos);
    }

    @Override
    public String toString() {
        return Rfc3339.format(nanos);
    }
}
