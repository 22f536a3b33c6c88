package io.shardline.query.result;

/**
 * How result times are written, from {@code /query}'s {@code epoch} parameter: absent or empty means RFC3339Nano
 * strings; {@code h}, {@code m}, {@code s}, {@code ms}, {@code u} mean integers in that unit (Go's truncating
 * division); any other non-empty value, {@code ns} included, means nanoseconds. Immutable.
 */
public record EpochFormat(long divisor) {

    /** RFC3339Nano strings (no epoch parameter). */
    public static final EpochFormat RFC3339 = new EpochFormat(0);
    /** Nanosecond integers. */
    public static final EpochFormat NANOSECONDS = new EpochFormat(1);

    /** The format for an {@code epoch} parameter value (null or empty for none). */
    public static EpochFormat fromParam(String epoch) {
        if (epoch == null || epoch.isEmpty()) {
            return RFC3339;
        }
        return switch (epoch) {
            case "u" -> new EpochFormat(1_000L);
            case "ms" -> new EpochFormat(1_000_000L);
            case "s" -> new EpochFormat(1_000_000_000L);
            case "m" -> new EpochFormat(60_000_000_000L);
            case "h" -> new EpochFormat(3_600_000_000_000L);
            default -> NANOSECONDS;
        };
    }

    /** Whether times are written as integers. */
    public boolean isEpoch() {
        return divisor > 0;
    }

    /** The epoch integer for a time in nanoseconds. */
    public long convert(long nanos) {
        return nanos / divisor;
    }
}
