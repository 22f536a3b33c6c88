package io.shardline.query.plan;

import io.shardline.query.ast.Call;
import io.shardline.query.ast.DurationLiteral;
import io.shardline.query.ast.VarRef;
import io.shardline.query.function.Accumulator;
import io.shardline.query.function.AggregateFunction;

/**
 * One distinct aggregate call of a query: the function, the field it reads, the percentile/top/sample argument,
 * the call as written (its text is the key under which projections find its value) and, for
 * {@code top/bottom(f, k..., N)}, the indexes in the plan's auxiliary values of the tags it groups by (null for
 * every other call; empty when every {@code k} is a field).
 * Immutable.
 */
public record AggregateCall(AggregateFunction function, VarRef field, double arg, Call call, int[] tagAux) {

    public AggregateCall(AggregateFunction function, VarRef field, double arg, Call call) {
        this(function, field, arg, call, null);
    }

    /** A fresh accumulator for this call in a query of the time order {@code ascending}. */
    public Accumulator newAccumulator(boolean ascending) {
        return tagAux == null ? function.newAccumulator(arg, ascending)
                : function.newTagAccumulator((int) arg, tagAux);
    }

    /** The lookup key: the call's InfluxQL text. */
    public String key() {
        return call.toExactString();
    }

    /** The unit of {@code integral(f[, unit])} in ns: the duration argument, else one second (1.x). */
    public long integralUnit() {
        return call.args().size() == 2 && call.args().get(1) instanceof DurationLiteral d ? d.nanos()
                : 1_000_000_000L;
    }
}
