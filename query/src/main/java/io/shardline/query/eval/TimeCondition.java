package io.shardline.query.eval;

import io.shardline.query.QueryException;
import io.shardline.query.ast.BinaryExpr;
import io.shardline.query.ast.BooleanLiteral;
import io.shardline.query.ast.DurationLiteral;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.IntegerLiteral;
import io.shardline.query.ast.NumberLiteral;
import io.shardline.query.ast.Operator;
import io.shardline.query.ast.ParenExpr;
import io.shardline.query.ast.StringLiteral;
import io.shardline.query.ast.TimeLiteral;
import io.shardline.query.ast.VarRef;
import io.shardline.query.value.Rfc3339;
import io.shardline.query.value.TimeBounds;
import java.time.ZoneId;

/**
 * Splits the time bounds out of a WHERE condition like 1.x's {@code ConditionExpr}: every {@code time <op> x}
 * comparison anywhere under AND/OR is removed and the ranges are intersected (1.x has no OR of time ranges),
 * {@code now()} and literal arithmetic are evaluated, strings that look like dates are parsed. Stateless.
 */
public final class TimeCondition {

    /** The condition without time comparisons (null when nothing is left) and the time range. */
    public record Result(Expr condition, TimeRange range) {
    }

    private TimeCondition() {
    }

    /**
     * Extracts the time range from {@code cond} with {@code now} in nanoseconds.
     *
     * @throws QueryException with 1.x's text, e.g. {@code invalid time comparison operator: !=}
     */
    public static Result extract(Expr cond, long now) {
        return extract(cond, now, null);
    }

    /**
     * {@link #extract(Expr, long)} with the statement's {@code tz()} zone, in which 1.x reads time strings without
     * an offset ({@code '2006-01-02 15:04:05'}, dates); null = UTC.
     */
    public static Result extract(Expr cond, long now, ZoneId zone) {
        Result r = extractInner(cond, now, zone);
        Expr e = r.condition();
        if (e instanceof ParenExpr p) {
            e = p.expr();
        }
        if (e instanceof BooleanLiteral b && b.value()) {
            e = null;
        }
        return new Result(e, r.range());
    }

    private static Result extractInner(Expr cond, long now, ZoneId zone) {
        if (cond == null) {
            return new Result(null, TimeRange.UNBOUNDED);
        } else if (cond instanceof BinaryExpr b) {
            if (b.op() == Operator.AND || b.op() == Operator.OR) {
                Result l = extractInner(b.lhs(), now, zone);
                Result r = extractInner(b.rhs(), now, zone);
                TimeRange range = l.range().intersect(r.range());
                if (r.condition() == null) {
                    return new Result(l.condition(), range);
                } else if (l.condition() == null) {
                    return new Result(r.condition(), range);
                }
                return new Result(Reducer.reduceInner(new BinaryExpr(b.op(), l.condition(), r.condition()), now),
                        range);
            }
            if (b.lhs() instanceof VarRef v && v.isTime()) {
                return new Result(null, range(b.op(), b.rhs(), now, zone));
            } else if (b.rhs() instanceof VarRef v && v.isTime()) {
                return new Result(null, range(swap(b.op()), b.lhs(), now, zone));
            }
            return new Result(Reducer.reduceInner(cond, now), TimeRange.UNBOUNDED);
        } else if (cond instanceof ParenExpr p) {
            Result r = extractInner(p.expr(), now, zone);
            if (r.condition() == null) {
                return r;
            }
            return new Result(Reducer.reduceInner(new ParenExpr(r.condition()), now), r.range());
        } else if (cond instanceof BooleanLiteral) {
            return new Result(cond, TimeRange.UNBOUNDED);
        }
        throw new QueryException("invalid condition expression: " + cond);
    }

    private static Operator swap(Operator op) {
        return switch (op) {
            case GT -> Operator.LT;
            case LT -> Operator.GT;
            case GTE -> Operator.LTE;
            case LTE -> Operator.GTE;
            default -> op;
        };
    }

    /** 1.x's {@code getTimeRange}: the range {@code time <op> rhs} allows. */
    static TimeRange range(Operator op, Expr rhs, long now) {
        return range(op, rhs, now, null);
    }

    static TimeRange range(Operator op, Expr rhs, long now, ZoneId zone) {
        Expr value = rhs;
        if (value instanceof StringLiteral s && Rfc3339.looksLikeTime(s.value())) {
            try {
                value = new TimeLiteral(Rfc3339.parseTimeLiteral(s.value(), zone));
            } catch (IllegalArgumentException e) {
                throw new QueryException(e.getMessage());
            }
        }
        value = Reducer.reduce(value, now);
        long t;
        if (value instanceof TimeLiteral lit) {
            if (lit.nanos() > TimeBounds.MAX_TIME) {
                throw new QueryException("time " + Rfc3339.formatSeconds(lit.nanos()) + " overflows time literal");
            } else if (lit.nanos() < TimeBounds.MIN_TIME + 1) {
                throw new QueryException("time " + Rfc3339.formatSeconds(lit.nanos())
                        + " underflows time literal");
            }
            t = lit.nanos();
        } else if (value instanceof DurationLiteral d) {
            t = d.nanos();
        } else if (value instanceof NumberLiteral n) {
            t = (long) n.value();
        } else if (value instanceof IntegerLiteral i) {
            t = i.value();
        } else {
            throw new QueryException("invalid operation: time and *influxql." + value.getClass().getSimpleName()
                    + " are not compatible");
        }
        return switch (op) {
            case GT -> new TimeRange(t + 1, TimeRange.UNSET_MAX);
            case GTE -> new TimeRange(t, TimeRange.UNSET_MAX);
            case LT -> new TimeRange(TimeRange.UNSET_MIN, t - 1);
            case LTE -> new TimeRange(TimeRange.UNSET_MIN, t);
            case EQ -> new TimeRange(t, t);
            default -> throw new QueryException("invalid time comparison operator: " + op.text());
        };
    }

    /** Whether {@code cond} mentions {@code time} anywhere (1.x {@code HasTimeExpr}). */
    public static boolean mentionsTime(Expr cond) {
        if (cond instanceof BinaryExpr b) {
            if (b.op() == Operator.AND || b.op() == Operator.OR) {
                return mentionsTime(b.lhs()) || mentionsTime(b.rhs());
            }
            return (b.lhs() instanceof VarRef l && l.isTime()) || (b.rhs() instanceof VarRef r && r.isTime());
        } else if (cond instanceof ParenExpr p) {
            return mentionsTime(p.expr());
        }
        return false;
    }
}
