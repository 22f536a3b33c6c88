package io.shardline.query.plan;

import java.util.Map;

/**
 * The transformations of a SELECT ({@code derivative}, {@code difference}, {@code moving_average}, ...), which
 * the coordinator applies to each output series after the merge: the plan's field at each index holds the
 * transformation's input (a raw field, or an aggregate over GROUP BY time buckets), and {@link #byField} says
 * what to compute from it. With GROUP BY time the plan reads one bucket more than asked (1.x extends the range
 * by one interval so the first bucket has a predecessor); {@code outputMin}/{@code outputMax} are the asked
 * bounds for the other fields. LIMIT and OFFSET apply to the transformed rows, so the plan itself has none.
 *
 * @param byField field index to its transformation
 * @param outputMin the asked lower bound (Long.MIN_VALUE when none)
 * @param outputMax the asked upper bound (Long.MAX_VALUE when none)
 * @param limit LIMIT of the statement (0 = none)
 * @param offset OFFSET of the statement
 * @param inputEmpty GROUP BY time without a lower bound: 1.x's extended start (MinTime minus one interval)
 *     wraps around, so the transformations that extend the range read nothing
 */
public record Transforms(Map<Integer, Transform> byField, long outputMin, long outputMax, int limit, int offset,
        boolean inputEmpty) {

    /** No transformations. */
    public static final Transforms NONE = new Transforms(Map.of(), Long.MIN_VALUE, Long.MAX_VALUE, 0, 0, false);

    public Transforms {
        byField = Map.copyOf(byField);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    /** One transformation call. */
    public record Transform(String name, long interval, int n) {

        /** Whether 1.x reads one more interval for it ({@code cumulative_sum} does not). */
        public boolean extendsRange() {
            return !name.equals("cumulative_sum");
        }
    }
}
