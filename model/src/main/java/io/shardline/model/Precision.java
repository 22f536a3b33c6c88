package io.shardline.model;

import java.util.Optional;

/**
 * The unit of line-protocol timestamps, as the {@code precision} parameter of {@code /write}
 * names it. Immutable. Parsing the parameter is a value-returning lookup; the HTTP layer answers
 * 400 with {@link #invalidMessage(String)} when it finds nothing.
 */
public enum Precision {
    NANOSECONDS("n", 1L),
    MICROSECONDS("u", 1_000L),
    MILLISECONDS("ms", 1_000_000L),
    SECONDS("s", 1_000_000_000L),
    MINUTES("m", 60_000_000_000L),
    HOURS("h", 3_600_000_000_000L);

    private final String symbol;
    private final long nanosPerUnit;

    Precision(String symbol, long nanosPerUnit) {
        this.symbol = symbol;
        this.nanosPerUnit = nanosPerUnit;
    }

    /** The canonical 1.x spelling: {@code n}, {@code u}, {@code ms}, {@code s}, {@code m}, {@code h}. */
    public String symbol() {
        return symbol;
    }

    /** Nanoseconds in one unit (the multiplier applied to timestamps). */
    public long nanosPerUnit() {
        return nanosPerUnit;
    }

    /**
     * The precision named by a {@code /write} parameter: empty or absent and {@code n}/{@code ns}
     * mean nanoseconds; anything else unknown gives an empty result.
     */
    public static Optional<Precision> fromParam(String param) {
        if (param == null) {
            return Optional.of(NANOSECONDS);
        }
        return switch (param) {
            case "", "n", "ns" -> Optional.of(NANOSECONDS);
            case "u" -> Optional.of(MICROSECONDS);
            case "ms" -> Optional.of(MILLISECONDS);
            case "s" -> Optional.of(SECONDS);
            case "m" -> Optional.of(MINUTES);
            case "h" -> Optional.of(HOURS);
            default -> Optional.empty();
        };
    }

    /** The 1.x error text for an unknown precision: {@code invalid precision "<p>" (use n, u, ms, s, m or h)}. */
    public static String invalidMessage(String param) {
        return "invalid precision " + GoQuote.quote(param) + " (use n, u, ms, s, m or h)";
    }

    /**
     * {@code nanos} truncated to this unit, like Go's {@code Time.Truncate} (towards the past, also
     * before 1970). Used for the server time given to points without a timestamp.
     */
    public long truncate(long nanos) {
        return nanosPerUnit == 1 ? nanos : Math.floorDiv(nanos, nanosPerUnit) * nanosPerUnit;
    }
}
