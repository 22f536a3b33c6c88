package io.shardline.query.plan;

import io.shardline.query.ast.Call;
import io.shardline.query.ast.Expr;
import java.util.Map;
import java.util.Set;

/**
 * The transformations of a SELECT ({@code derivative}, {@code difference}, {@code moving_average}, ...), which
 * the coordinator applies to each output series after the merge: the plan's field at each index holds the
 * transformation's input (a raw field, or an aggregate over GROUP BY time buckets), and {@link #byField} says
 * what to compute from it. With GROUP BY time the plan reads one bucket more than asked (1.x extends the range
 * by one interval so the first bucket has a predecessor); {@code outputMin}/{@code outputMax} are the asked
 * bounds for the other fields. LIMIT and OFFSET apply to each column's points (1.x limits every call's iterator on
 * its own), so the plan itself has none. A field whose expression holds transformations inside arithmetic or a math
 * function ({@code derivative(mean(x)) * 2}) is evaluated per row after the transformations, as 1.x's cursor does:
 * each call of the expression reads its own input column (the field's own index for the first, hidden columns after
 * the visible ones for the others), and {@link #expressions} says how to combine them.
 *
 * @param byField input column index to its transformation
 * @param outputMin the asked lower bound (Long.MIN_VALUE when none)
 * @param outputMax the asked upper bound (Long.MAX_VALUE when none)
 * @param limit LIMIT of the statement (0 = none)
 * @param offset OFFSET of the statement
 * @param inputEmpty GROUP BY time without a lower bound: 1.x's extended start (MinTime minus one interval)
 *     wraps around, so the transformations that extend the range read nothing
 * @param visible the number of output columns after time (the plan's fields from there on are hidden inputs)
 * @param expressions output column index to the expression computed from the input columns after the
 *     transformations (absent: the output column is its input column)
 */
public record Transforms(Map<Integer, Transform> byField, long outputMin, long outputMax, int limit, int offset,
        boolean inputEmpty, int visible, Map<Integer, Expression> expressions) {

    /** The technical-analysis transformations (period, optional hold period and warmup type). */
    public static final Set<String> TECHNICAL_ANALYSIS = Set.of("exponential_moving_average",
            "double_exponential_moving_average", "triple_exponential_moving_average", "relative_strength_index",
            "triple_exponential_derivative", "kaufmans_efficiency_ratio", "kaufmans_adaptive_moving_average",
            "chande_momentum_oscillator");

    /** No transformations. */
    public static final Transforms NONE = new Transforms(Map.of(), Long.MIN_VALUE, Long.MAX_VALUE, 0, 0, false, 0,
            Map.of());

    public Transforms {
        byField = Map.copyOf(byField);
        expressions = Map.copyOf(expressions);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    /**
     * One transformation call.
     *
     * @param name the function
     * @param interval the unit of derivative/elapsed, the GROUP BY interval of holt_winters (ns)
     * @param n moving_average's window, the period of the technical-analysis functions, holt_winters' horizon
     * @param hold the hold period of the technical-analysis functions (-1 = the function's warm-up count),
     *     holt_winters' season length
     * @param warmup the warm-up type of the technical-analysis functions ({@code exponential}, {@code simple},
     *     {@code none}), or null
     * @param input the transformation whose output this one reads ({@code derivative(difference(mean(x)))}), or
     *     null when it reads the column's values
     */
    public record Transform(String name, long interval, int n, long hold, String warmup, Transform input) {

        /** A transformation of the column's values (not of another transformation). */
        public Transform(String name, long interval, int n, long hold, String warmup) {
            this(name, interval, n, hold, warmup, null);
        }

        /** A transformation without hold period or warm-up type. */
        public Transform(String name, long interval, int n) {
            this(name, interval, n, -1, null, null);
        }

        /** The same transformation applied to the output of {@code inner} (1.x nests their iterators). */
        public Transform over(Transform inner) {
            return new Transform(name, interval, n, hold, warmup, inner);
        }

        /**
         * How many intervals 1.x reads before the range for this chain: one if any transformation of it
         * {@linkplain #extendsRange() extends} the range (1.6.7 reads one interval for {@code
         * derivative(difference(...))}; chains with {@code moving_average} read two there, which is not matched).
         */
        public int extensions() {
            return Math.max(extendsRange() ? 1 : 0, input == null ? 0 : input.extensions());
        }

        /**
         * Whether 1.x reads one more interval for it ({@code cumulative_sum} does not, and {@code holt_winters}
         * reads the asked range).
         */
        public boolean extendsRange() {
            return !name.equals("cumulative_sum") && !name.startsWith("holt_winters");
        }
    }

    /**
     * An output column computed per row from several input columns: {@code expr} is the field's expression, and
     * each (non-math) call in it reads the input column {@code slots} gives.
     */
    public record Expression(Expr expr, Map<Call, Integer> slots) {

        public Expression {
            slots = Map.copyOf(slots);
        }
    }
}
