package io.shardline.launcher.drill;

import io.shardline.model.SeriesKey;

/**
 * The points drills write: measurement {@code drill}, tag {@code writer}, an integer field
 * {@code seq} unique per writer, at time {@code base + seq * step}. Every point is therefore a
 * distinct (series, time) row that can be looked for on every owner. Immutable.
 */
record DrillPoints(String writer, long baseNanos, long stepNanos) {

    static final String MEASUREMENT = "drill";

    long time(long seq) {
        return baseNanos + seq * stepNanos;
    }

    String line(long seq) {
        return MEASUREMENT + ",writer=" + writer + " seq=" + seq + "i,v=" + (seq % 1000) / 10.0 + " " + time(seq) + "\n";
    }

    /** The series of this writer (for finding its shard: FNV-1a of the key, as the coordinator does). */
    SeriesKey series() {
        return SeriesKey.of(MEASUREMENT, new String[] {"writer"}, new String[] {writer});
    }
}
