package io.shardline.ctl.format;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times printed the way influxd-ctl's Go code prints them, from Unix nanoseconds. Stateless.
 *
 * <ul>
 *   <li>{@link #rfc3339Nano}: Go's {@code time.RFC3339Nano} layout in UTC,
 *       {@code 2017-03-13T20:40:15.753443255Z}; trailing zeros of the fraction are dropped and a
 *       whole second has no fraction ({@code 2023-01-08T00:00:00Z}). Used by {@code show-shards}.</li>
 *   <li>{@link #goString}: Go's {@code time.Time.String()},
 *       {@code 2006-01-02 15:04:05.999999999 -0700 MST}, e.g.
 *       {@code 2023-06-22 23:45:09.470696179 +0000 UTC}. For {@code copy-shard-status}
 *       {@code StartedAt}, {@code entropy show} and {@code show-shards -v}.</li>
 * </ul>
 */
public final class GoTimes {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DATE_SPACE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss",
            Locale.ROOT);
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xx", Locale.ROOT);
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ROOT);

    private GoTimes() {
    }

    /** Go's {@code t.UTC().Format(time.RFC3339Nano)}. */
    public static String rfc3339Nano(long unixNanos) {
        Instant instant = instant(unixNanos);
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return DATE_TIME.format(t) + fraction(instant.getNano()) + "Z";
    }

    /**
     * Go's {@code t.In(zone).String()} (without the monotonic reading Go appends to {@code time.Now()}
     * values). The zone name is {@code UTC} for UTC and Java's short name otherwise ({@code EDT},
     * {@code CET}); zones Go names by offset only may print differently.
     */
    public static String goString(long unixNanos, ZoneId zone) {
        Instant instant = instant(unixNanos);
        ZonedDateTime t = instant.atZone(zone);
        String name;
        if (zone.normalized().equals(ZoneOffset.UTC)) {
            name = "UTC";
        } else if (zone.normalized() instanceof ZoneOffset) {
            name = OFFSET.format(t); // Go prints an unnamed zone as its -0700 offset
        } else {
            name = ZONE_NAME.format(t);
        }
        return DATE_SPACE_TIME.format(t) + fraction(instant.getNano()) + " " + OFFSET.format(t) + " " + name;
    }

    /** {@link #goString} in UTC: {@code 2017-10-09 00:00:00 +0000 UTC}. */
    public static String goStringUtc(long unixNanos) {
        return goString(unixNanos, ZoneOffset.UTC);
    }

    private static Instant instant(long unixNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(unixNanos, 1_000_000_000L), Math.floorMod(unixNanos, 1_000_000_000L));
    }

    /** Go's {@code .999999999}: the fraction without trailing zeros, nothing for a whole second. */
    private static String fraction(int nanos) {
        if (nanos == 0) {
            return "";
        }
        String digits = String.format(Locale.ROOT, "%09d", nanos);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        return "." + digits.substring(0, end);
    }
}
