package io.shardline.model;

/**
 * What 1.x storage does with the reserved name {@code time} after parsing ({@code tsdb/shard.go}):
 * fields named {@code time} are silently removed, a point left without fields is dropped, and a
 * point with a tag key {@code time} is dropped; the messages are 1.x's, byte for byte. Stateless;
 * the parser itself leaves such points as they are.
 */
public final class ReservedTimeKey {

    private static final String TIME = "time";

    /** The point to store ({@code null} when dropped) and the drop reason ({@code null} when kept). */
    public record Outcome(Point point, String dropReason) {
    }

    private ReservedTimeKey() {
    }

    /** {@code invalid field name: input field "time" on measurement "<m>" is invalid}. */
    public static String invalidFieldNameMessage(String measurement) {
        return "invalid field name: input field \"time\" on measurement \"" + measurement + "\" is invalid";
    }

    /** {@code invalid tag key: input tag "time" on measurement "<m>" is invalid}. */
    public static String invalidTagKeyMessage(String measurement) {
        return "invalid tag key: input tag \"time\" on measurement \"" + measurement + "\" is invalid";
    }

    /** Applies the rules in 1.x order: fields first, then the tag. */
    public static Outcome check(Point p) {
        int timeField = p.fieldIndex(TIME);
        Point kept = p;
        if (timeField >= 0) {
            kept = p.withoutField(timeField);
            if (kept == null) {
                return new Outcome(null, invalidFieldNameMessage(p.measurement()));
            }
        }
        if (p.series().tag(TIME) != null) {
            return new Outcome(null, invalidTagKeyMessage(p.measurement()));
        }
        return new Outcome(kept, null);
    }
}
