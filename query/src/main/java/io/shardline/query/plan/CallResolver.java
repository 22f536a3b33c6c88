package io.shardline.query.plan;

import io.shardline.query.ast.Call;
import io.shardline.query.ast.DataType;
import io.shardline.query.ast.Distinct;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.IntegerLiteral;
import io.shardline.query.ast.NumberLiteral;
import io.shardline.query.ast.VarRef;
import io.shardline.query.function.AggregateFunction;
import java.util.ArrayList;
import java.util.List;

/** Maps a validated call to its {@link AggregateCall} ({@code count(distinct(f))} becomes COUNT_DISTINCT). */
final class CallResolver {

    private CallResolver() {
    }

    static AggregateCall resolve(Call c) {
        Expr arg = c.args().get(0);
        if (c.name().equals("count") && arg instanceof Call inner && inner.name().equals("distinct")) {
            return new AggregateCall(AggregateFunction.COUNT_DISTINCT, (VarRef) inner.args().get(0), 0, c);
        } else if (c.name().equals("count") && arg instanceof Distinct d) {
            return new AggregateCall(AggregateFunction.COUNT_DISTINCT, VarRef.of(d.name()), 0, c);
        }
        AggregateFunction f = AggregateFunction.byName(c.name())
                .orElseThrow(() -> new IllegalStateException("unknown function " + c.name()));
        double n = 0;
        if (f == AggregateFunction.TOP || f == AggregateFunction.BOTTOM || f == AggregateFunction.SAMPLE) {
            n = ((IntegerLiteral) c.args().get(c.args().size() - 1)).value();
        } else if (f == AggregateFunction.PERCENTILE) {
            Expr p = c.args().get(1);
            n = p instanceof IntegerLiteral i ? i.value() : ((NumberLiteral) p).value();
        }
        return new AggregateCall(f, (VarRef) arg, n, c);
    }

    /**
     * {@link #resolve} with the plan's auxiliary references: {@code top/bottom(f, k..., N)} group by the
     * arguments {@code k} that are tags (fields are cast {@code ::field} by {@link TopTags}), found in {@code aux}.
     */
    static AggregateCall resolve(Call c, List<VarRef> aux) {
        AggregateCall call = resolve(c);
        if ((call.function() != AggregateFunction.TOP && call.function() != AggregateFunction.BOTTOM)
                || c.args().size() <= 2) {
            return call;
        }
        List<Integer> tags = new ArrayList<>();
        for (Expr a : c.args().subList(1, c.args().size() - 1)) {
            VarRef ref = (VarRef) a;
            int i = aux.indexOf(VarRef.of(ref.name()));
            if (ref.type() != DataType.FIELD && i >= 0 && !tags.contains(i)) {
                tags.add(i);
            }
        }
        return new AggregateCall(call.function(), call.field(), call.arg(), c,
                tags.stream().mapToInt(Integer::intValue).toArray());
    }
}
