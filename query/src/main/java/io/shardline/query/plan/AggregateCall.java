package io.shardline.query.plan;

import io.shardline.query.ast.Call;
import io.shardline.query.ast.VarRef;
import io.shardline.query.function.Accumulator;
import io.shardline.query.function.AggregateFunction;

/**
 * One distinct aggregate call of a query: the function, the field it reads, the percentile argument, and the
 * call as written (its text is the key under which projections find its value). Immutable.
 */
public record AggregateCall(AggregateFunction function, VarRef field, double arg, Call call) {

    /** A fresh accumulator for this call. */
    public Accumulator newAccumulator() {
        return function.newAccumulator(arg);
    }

    /** The lookup key: the call's InfluxQL text. */
    public String key() {
        return call.toExactString();
    }
}
