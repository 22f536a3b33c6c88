package io.shardline.query.ast;

/**
 * 1.x's {@code SelectStatement.SetTimeRange}: the statement's WHERE without its time comparisons, ANDed with
 * {@code time >= start AND time < end}. How the continuous querier bounds each run. Stateless.
 */
public final class TimeRanges {

    private TimeRanges() {
    }

    /** {@code s} restricted to {@code [start, end)} (Unix nanoseconds). */
    public static SelectStatement bounded(SelectStatement s, long start, long end) {
        Expr range = new BinaryExpr(Operator.AND,
                new BinaryExpr(Operator.GTE, VarRef.of("time"), new TimeLiteral(start)),
                new BinaryExpr(Operator.LT, VarRef.of("time"), new TimeLiteral(end)));
        Expr rest = s.condition() == null ? null : withoutTime(s.condition());
        return s.withCondition(rest == null ? range : new BinaryExpr(Operator.AND, rest, range));
    }

    /** {@code e} without comparisons on {@code time}; null when nothing is left. */
    static Expr withoutTime(Expr e) {
        if (e instanceof ParenExpr p) {
            Expr inner = withoutTime(p.expr());
            return inner == null ? null : new ParenExpr(inner);
        }
        if (e instanceof BinaryExpr b && b.op().isLogical()) {
            Expr l = withoutTime(b.lhs());
            Expr r = withoutTime(b.rhs());
            if (l == null || r == null) {
                return l == null ? r : l;
            }
            return new BinaryExpr(b.op(), l, r);
        }
        if (e instanceof BinaryExpr b && b.op().isComparison() && (isTime(b.lhs()) || isTime(b.rhs()))) {
            return null;
        }
        return e;
    }

    private static boolean isTime(Expr e) {
        return e instanceof VarRef v && v.name().equalsIgnoreCase("time");
    }
}
