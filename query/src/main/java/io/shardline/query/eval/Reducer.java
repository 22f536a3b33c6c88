package io.shardline.query.eval;

import io.shardline.query.ast.BinaryExpr;
import io.shardline.query.ast.BooleanLiteral;
import io.shardline.query.ast.Call;
import io.shardline.query.ast.DurationLiteral;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.IntegerLiteral;
import io.shardline.query.ast.NilLiteral;
import io.shardline.query.ast.NumberLiteral;
import io.shardline.query.ast.Operator;
import io.shardline.query.ast.ParenExpr;
import io.shardline.query.ast.StringLiteral;
import io.shardline.query.ast.TimeLiteral;
import io.shardline.query.ast.UnsignedLiteral;
import io.shardline.query.value.Rfc3339;
import java.util.ArrayList;
import java.util.List;

/**
 * Constant folding as 1.x's {@code Reduce} with a {@code NowValuer}: {@code now()} becomes a time literal,
 * literal arithmetic is evaluated ({@code now() - 1h}, {@code '2000-01-01' + 1d}, {@code 1 + 2}), and
 * {@code AND}/{@code OR} with boolean literals simplify. References to fields and tags are left alone. Stateless.
 */
public final class Reducer {

    private Reducer() {
    }

    /** Reduces {@code expr} with {@code now} (ns) as the value of {@code now()}; top-level parentheses go. */
    public static Expr reduce(Expr expr, long now) {
        Expr e = reduceInner(expr, now);
        return e instanceof ParenExpr p ? p.expr() : e;
    }

    static Expr reduceInner(Expr expr, long now) {
        if (expr instanceof BinaryExpr b) {
            return reduceBinary(b, now);
        } else if (expr instanceof Call c) {
            List<Expr> args = new ArrayList<>();
            for (Expr a : c.args()) {
                args.add(reduceInner(a, now));
            }
            if (c.name().equals("now") && args.isEmpty()) {
                return new TimeLiteral(now);
            }
            return new Call(c.name(), args);
        } else if (expr instanceof ParenExpr p) {
            Expr inner = reduceInner(p.expr(), now);
            return inner instanceof BinaryExpr ? new ParenExpr(inner) : inner;
        }
        return expr;
    }

    private static Expr reduceBinary(BinaryExpr expr, long now) {
        Operator op = expr.op();
        Expr lhs = reduceInner(expr.lhs(), now);
        Expr rhs = reduceInner(expr.rhs(), now);
        if (op == Operator.AND) {
            if (isBool(lhs, false) || isBool(rhs, false)) {
                return new BooleanLiteral(false);
            } else if (isBool(lhs, true)) {
                return rhs;
            } else if (isBool(rhs, true)) {
                return lhs;
            }
        } else if (op == Operator.OR) {
            if (isBool(lhs, true) || isBool(rhs, true)) {
                return new BooleanLiteral(true);
            } else if (isBool(lhs, false)) {
                return rhs;
            } else if (isBool(rhs, false)) {
                return lhs;
            }
        }
        Expr folded = fold(op, lhs, rhs);
        return folded != null ? folded : new BinaryExpr(op, lhs, rhs);
    }

    private static boolean isBool(Expr e, boolean v) {
        return e instanceof BooleanLiteral b && b.value() == v;
    }

    /** The folded literal, or null when the operands do not reduce. */
    static Expr fold(Operator op, Expr lhs, Expr rhs) {
        if (lhs instanceof BooleanLiteral l) {
            return LiteralMath.bool(op, l, rhs);
        } else if (lhs instanceof DurationLiteral l) {
            return LiteralMath.duration(op, l, rhs);
        } else if (lhs instanceof IntegerLiteral l) {
            return LiteralMath.integer(op, l, rhs);
        } else if (lhs instanceof UnsignedLiteral l) {
            return LiteralMath.unsigned(op, l, rhs);
        } else if (lhs instanceof NilLiteral) {
            return op == Operator.EQ || op == Operator.NEQ ? new BooleanLiteral(false) : null;
        } else if (lhs instanceof NumberLiteral l) {
            return LiteralMath.number(op, l, rhs);
        } else if (lhs instanceof StringLiteral l) {
            return LiteralMath.string(op, l, rhs);
        } else if (lhs instanceof TimeLiteral l) {
            return LiteralMath.time(op, l, rhs);
        }
        return null;
    }

    /** The time a string literal denotes, or null if it is not a valid time literal. */
    static TimeLiteral toTime(StringLiteral s) {
        try {
            return new TimeLiteral(Rfc3339.parseTimeLiteral(s.value()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
