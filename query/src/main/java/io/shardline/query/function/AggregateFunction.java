package io.shardline.query.function;

import io.shardline.model.FieldType;
import io.shardline.query.QueryException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The supported InfluxQL aggregate and selector functions, the value types each accepts, and their accumulator
 * factories. {@code COUNT_DISTINCT} is {@code count(distinct(f))}.
 */
public enum AggregateFunction {
    COUNT("count", false, EnumSet.allOf(FieldType.class)),
    SUM("sum", false, numeric()),
    MEAN("mean", false, numeric()),
    MEDIAN("median", false, numeric()),
    MODE("mode", false, EnumSet.allOf(FieldType.class)),
    INTEGRAL("integral", false, numeric()),
    SPREAD("spread", false, numeric()),
    STDDEV("stddev", false, numeric()),
    MIN("min", true, numericOrBoolean()),
    MAX("max", true, numericOrBoolean()),
    FIRST("first", true, EnumSet.allOf(FieldType.class)),
    LAST("last", true, EnumSet.allOf(FieldType.class)),
    PERCENTILE("percentile", true, numeric()),
    SAMPLE("sample", true, EnumSet.allOf(FieldType.class)),
    TOP("top", true, numeric()),
    BOTTOM("bottom", true, numeric()),
    DISTINCT("distinct", false, EnumSet.allOf(FieldType.class)),
    COUNT_DISTINCT("count", false, EnumSet.allOf(FieldType.class));

    private final String callName;
    private final boolean selector;
    private final Set<FieldType> accepted;

    AggregateFunction(String callName, boolean selector, Set<FieldType> accepted) {
        this.callName = callName;
        this.selector = selector;
        this.accepted = accepted;
    }

    private static Set<FieldType> numeric() {
        return EnumSet.of(FieldType.FLOAT, FieldType.INTEGER, FieldType.UNSIGNED);
    }

    private static Set<FieldType> numericOrBoolean() {
        return EnumSet.of(FieldType.FLOAT, FieldType.INTEGER, FieldType.UNSIGNED, FieldType.BOOLEAN);
    }

    /** The InfluxQL function name (the default column name). */
    public String callName() {
        return callName;
    }

    /** Whether the function answers several rows per bucket, each at its own point's time. */
    public boolean isMultiPoint() {
        return this == TOP || this == BOTTOM || this == SAMPLE;
    }

    /** Whether the function selects an existing point (1.x selectors keep its time and aux fields). */
    public boolean isSelector() {
        return selector;
    }

    /** Whether values of {@code type} are accepted. */
    public boolean accepts(FieldType type) {
        return accepted.contains(type);
    }

    /** The function called {@code name} (lower case), excluding the {@code count(distinct)} form. */
    public static Optional<AggregateFunction> byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (AggregateFunction f : values()) {
            if (f != COUNT_DISTINCT && f.callName.equals(n)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** A fresh accumulator of an ascending query; see {@link #newAccumulator(double, boolean)}. */
    public Accumulator newAccumulator(double arg) {
        return newAccumulator(arg, true);
    }

    /**
     * A fresh accumulator; {@code arg} is the percentile N or the top/bottom/sample N (ignored by the others),
     * {@code ascending} the query's time order (distinct() orders its values by the time it reads them first).
     */
    public Accumulator newAccumulator(double arg, boolean ascending) {
        return switch (this) {
            case COUNT -> new CountAccumulator();
            case SUM -> new SumAccumulator();
            case MEAN -> new MeanAccumulator();
            case MEDIAN -> new SampleAccumulator(SampleAccumulator.MEDIAN);
            case MODE -> new ModeAccumulator();
            case INTEGRAL -> new IntegralAccumulator();
            case PERCENTILE -> new SampleAccumulator(arg);
            case TOP, BOTTOM -> new TopAccumulator(this, (int) arg);
            case SAMPLE -> new ReservoirAccumulator((int) arg);
            case SPREAD -> new SpreadAccumulator();
            case STDDEV -> new SampleAccumulator(SampleAccumulator.STDDEV);
            case MIN, MAX, FIRST, LAST -> new SelectorAccumulator(this);
            case DISTINCT -> new DistinctAccumulator(false, ascending);
            case COUNT_DISTINCT -> new DistinctAccumulator(true, ascending);
        };
    }

    /**
     * A fresh {@code top/bottom(f, tag..., n)} accumulator: the best point per combination of the auxiliary
     * values at {@code tagAux}, then the n best of those.
     */
    public Accumulator newTagAccumulator(int n, int[] tagAux) {
        if (this != TOP && this != BOTTOM) {
            throw new IllegalArgumentException(callName + "() has no tag arguments");
        }
        return new TopTagAccumulator(this, n, tagAux);
    }

    /** Rejects a value type this function does not accept, with 1.x's iterator error text. */
    void check(Object value) {
        checkType(io.shardline.query.value.Values.typeOf(value));
    }

    /**
     * Rejects values of {@code t} (null = unknown) unless this function accepts them, with 1.x's iterator error
     * text ({@code unsupported mean iterator type: *query.stringInterruptIterator}).
     */
    public void checkType(FieldType t) {
        if (t == null || !accepts(t)) {
            String name = t == null ? "unknown" : t.influxName();
            throw new QueryException("unsupported " + callName + " iterator type: *query." + name
                    + "InterruptIterator");
        }
    }
}
