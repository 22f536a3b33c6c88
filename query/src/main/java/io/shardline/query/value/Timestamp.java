package io.shardline.query.value;

import java.time.ZoneId;

/**
 * A time value inside a result row (Go's {@code time.Time}): JSON prints it as RFC3339Nano (in {@code zone}'s
 * local time with its offset when the statement has a {@code tz()}, else in UTC), the first column is converted
 * to an integer when {@code epoch} is given, CSV prints nanoseconds. Immutable.
 *
 * @param nanos nanoseconds since the epoch
 * @param zone the zone it prints in, or null for UTC
 */
public record Timestamp(long nanos, ZoneId zone) implements Comparable<Timestamp> {

    /** A time printed in UTC. */
    public Timestamp(long nanos) {
        this(nanos, null);
    }

    /** The same instant printed in {@code zone} (null = UTC). */
    public Timestamp inZone(ZoneId zone) {
        return new Timestamp(nanos, zone);
    }

    @Override
    public int compareTo(Timestamp o) {
        return Long.compare(nanos, o.nanos);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(35);
        Rfc3339.append(b, nanos, zone);
        return b.toString();
    }
}
