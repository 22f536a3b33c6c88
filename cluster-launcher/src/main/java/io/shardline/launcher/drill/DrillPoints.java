package io.shardline.launcher.drill;

import io.shardline.model.SeriesKey;

/**
 * The points drills write: measurement {@code drill}, tag {@code writer}, at time
 * {@code base + seq * step}, with an integer field {@code seq} unique per writer. Every point is
 * therefore a distinct (series, time) row that can be looked for on every owner (Jepsen's set model).
 *
 * <p>With {@code slots > 0} the writer overwrites instead: sequence {@code seq} goes to slot
 * {@code seq % slots} (time {@code base + slot * step}) of the shared series {@code writer=<tag>},
 * with the integer field {@code ov = writerNo << 32 | seq}, so several writers overwrite the same
 * points and the checker can tell which write each stored value came from. Immutable.
 */
record DrillPoints(String writer, long baseNanos, long stepNanos, String tag, long slots, int writerNo) {

    static final String MEASUREMENT = "drill";
    static final String OVERWRITE_FIELD = "ov";

    /** A set-model writer (no overwrites). */
    DrillPoints(String writer, long baseNanos, long stepNanos) {
        this(writer, baseNanos, stepNanos, writer, 0, 0);
    }

    boolean overwrites() {
        return slots > 0;
    }

    long time(long seq) {
        return baseNanos + (overwrites() ? seq % slots : seq) * stepNanos;
    }

    /** The {@code ov} value of one overwrite. */
    long overwriteValue(long seq) {
        return ((long) writerNo << 32) | seq;
    }

    String line(long seq) {
        if (overwrites()) {
            return MEASUREMENT + ",writer=" + tag + " " + OVERWRITE_FIELD + "=" + overwriteValue(seq) + "i,v="
                    + (seq % 1000) / 10.0 + " " + time(seq) + "\n";
        }
        return MEASUREMENT + ",writer=" + writer + " seq=" + seq + "i,v=" + (seq % 1000) / 10.0 + " " + time(seq) + "\n";
    }

    /** The series this writer writes (for finding its shard: FNV-1a of the key, as the coordinator does). */
    SeriesKey series() {
        return SeriesKey.of(MEASUREMENT, new String[] {"writer"}, new String[] {tag});
    }

    /** The log's description of an overwrite writer ({@code tag/slots/writerNo}), "-" for a set-model one. */
    String overwriteSpec() {
        return overwrites() ? tag + "/" + slots + "/" + writerNo : "-";
    }

    /** The points a log entry describes. */
    static DrillPoints of(String writer, long baseNanos, long stepNanos, String spec) {
        if (spec == null || spec.equals("-")) {
            return new DrillPoints(writer, baseNanos, stepNanos);
        }
        String[] p = spec.split("/");
        return new DrillPoints(writer, baseNanos, stepNanos, p[0], Long.parseLong(p[1]), Integer.parseInt(p[2]));
    }
}
