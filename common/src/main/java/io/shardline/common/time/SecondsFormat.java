package io.shardline.common.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A timestamp pattern of one-second resolution (HTTP's {@code Date}, the access log's {@code [02/Jan/2006:15:04:05
 * -0700]}) whose text is kept for the last second asked, so a stamp written on every request is formatted about once
 * a second instead of once per request. Only for patterns without fractions of a second. Thread-safe.
 */
public final class SecondsFormat {

    private record Last(long second, ZoneId zone, String text) {
    }

    private final DateTimeFormatter formatter;
    private volatile Last last = new Last(Long.MIN_VALUE, null, null);

    /** @param formatter a pattern that shows nothing finer than seconds */
    public SecondsFormat(DateTimeFormatter formatter) {
        this.formatter = formatter;
    }

    /** The text of {@code epochMillis} (truncated to its second) in {@code zone}. */
    public String format(long epochMillis, ZoneId zone) {
        long second = Math.floorDiv(epochMillis, 1000L);
        Last l = last;
        if (l.second() == second && zone.equals(l.zone())) {
            return l.text();
        }
        String text = formatter.format(Instant.ofEpochSecond(second).atZone(zone));
        last = new Last(second, zone, text);
        return text;
    }
}
