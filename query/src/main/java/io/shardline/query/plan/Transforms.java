package io.shardline.query.plan;

import io.shardline.query.ast.Call;
import io.shardline.query.ast.Expr;
import java.util.Map;
import java.util.Set;

/**
 * The transformations of a SELECT ({@code derivative}, {@code difference}, {@code moving_average}, ...), which
 * the coordinator applies to each output series after the merge: the plan's field at each index holds the
 * transformation's input (a raw field, or an aggregate over GROUP BY time buckets), and {@link #byField} says
 * what to compute from it. With GROUP BY time the plan reads buckets before the asked range (1.x extends the
 * range so that the first bucket has predecessors; see {@link #extensions}), each transformed column reads only as
 * many as its chain does; {@code outputMin}/{@code outputMax} are the asked bounds for the other fields. LIMIT and OFFSET apply to each column's points (1.x limits every call's iterator on
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
 * @param extraIntervals 1.x's {@code ExtraIntervals} of the statement (see {@link Transform#extraIntervals})
 * @param interval the GROUP BY interval (ns), 0 without one
 */
public record Transforms(Map<Integer, Transform> byField, long outputMin, long outputMax, int limit, int offset,
        boolean inputEmpty, int visible, Map<Integer, Expression> expressions, int extraIntervals, long interval) {

    /** The technical-analysis transformations (period, optional hold period and warmup type). */
    public static final Set<String> TECHNICAL_ANALYSIS = Set.of("exponential_moving_average",
            "double_exponential_moving_average", "triple_exponential_moving_average", "relative_strength_index",
            "triple_exponential_derivative", "kaufmans_efficiency_ratio", "kaufmans_adaptive_moving_average",
            "chande_momentum_oscillator");

    /** No transformations. */
    public static final Transforms NONE = new Transforms(Map.of(), Long.MIN_VALUE, Long.MAX_VALUE, 0, 0, false, 0,
            Map.of(), 0, 0);

    public Transforms {
        byField = Map.copyOf(byField);
        expressions = Map.copyOf(expressions);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    /**
     * How many GROUP BY intervals before the asked range (after it with ORDER BY time DESC) the chain {@code t}
     * reads, as in 1.x: one per range-extending transformation of the chain, but no further than the statement's
     * shard mapping reaches ({@link #extraIntervals}, the most any transformation of any field asks for). So
     * {@code difference(derivative(mean(x)))} reads one interval, {@code moving_average(derivative(mean(x)), 2)}
     * two, a lone {@code moving_average(mean(x), 3)} one.
     */
    public int extensions(Transform t) {
        return Math.min(t.levels(), extraIntervals);
    }

    /** The most {@link #extensions} of any transformed column. */
    public int maxExtensions() {
        return byField.values().stream().mapToInt(this::extensions).max().orElse(0);
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
         * How many transformations of this chain {@linkplain #extendsRange() extend} the range: 1.x's select
         * moves the start one interval back for each before building the input it reads
         * ({@code moving_average(derivative(mean(x)), 2)} asks for two intervals).
         */
        public int levels() {
            return (extendsRange() ? 1 : 0) + (input == null ? 0 : input.levels());
        }

        /**
         * The most intervals any transformation of this chain lets 1.x's shard mapping read before the range
         * (its compiler's {@code ExtraIntervals}): moving_average its window, the technical analysis their period,
         * holt_winters none, the others one.
         */
        public int extraIntervals() {
            int own = name.startsWith("holt_winters") ? 0
                    : name.equals("moving_average") || TECHNICAL_ANALYSIS.contains(name) ? n : 1;
            return Math.max(own, input == null ? 0 : input.extraIntervals());
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
