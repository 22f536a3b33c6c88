package io.shardline.query.eval;

import io.shardline.query.ast.BinaryExpr;
import io.shardline.query.ast.BooleanLiteral;
import io.shardline.query.ast.Call;
import io.shardline.query.ast.DurationLiteral;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.IntegerLiteral;
import io.shardline.query.ast.NumberLiteral;
import io.shardline.query.ast.Operator;
import io.shardline.query.ast.ParenExpr;
import io.shardline.query.ast.RegexLiteral;
import io.shardline.query.ast.StringLiteral;
import io.shardline.query.ast.TimeLiteral;
import io.shardline.query.ast.UnsignedLiteral;
import io.shardline.query.ast.VarRef;
import io.shardline.query.value.Timestamp;
import io.shardline.query.value.Unsigned;
import java.util.List;

/**
 * Evaluates an expression against one row like 1.x's {@code ValuerEval} (with float division of integers):
 * comparisons of incompatible types or with a missing value are false, arithmetic with a missing value is null,
 * string equality and regex matching, numeric promotion to float. Stateless.
 */
public final class ExprEvaluator {

    private ExprEvaluator() {
    }

    /** The value of {@code expr}: Double, Long, Unsigned, String, Boolean, Timestamp, RegexLiteral or null. */
    public static Object eval(Expr expr, Valuer valuer) {
        if (expr instanceof VarRef v) {
            return valuer.value(v);
        } else if (expr instanceof Call c) {
            if (MathFunctions.isMath(c.name())) {
                List<Object> args = new java.util.ArrayList<>(c.args().size());
                for (Expr a : c.args()) {
                    args.add(eval(a, valuer));
                }
                return MathFunctions.call(c.name(), args);
            }
            return valuer.call(c);
        } else if (expr instanceof ParenExpr p) {
            return eval(p.expr(), valuer);
        } else if (expr instanceof BinaryExpr b) {
            return binary(b.op(), eval(b.lhs(), valuer), eval(b.rhs(), valuer));
        }
        return literal(expr);
    }

    /** Whether {@code cond} holds for the row (a non-boolean result counts as false). */
    public static boolean matches(Expr cond, Valuer valuer) {
        return cond == null || Boolean.TRUE.equals(eval(cond, valuer));
    }

    static Object literal(Expr e) {
        if (e instanceof NumberLiteral n) {
            return n.value();
        } else if (e instanceof IntegerLiteral i) {
            return i.value();
        } else if (e instanceof UnsignedLiteral u) {
            return new Unsigned(u.bits());
        } else if (e instanceof StringLiteral s) {
            return s.value();
        } else if (e instanceof BooleanLiteral b) {
            return b.value();
        } else if (e instanceof DurationLiteral d) {
            return d.nanos();
        } else if (e instanceof TimeLiteral t) {
            return new Timestamp(t.nanos());
        } else if (e instanceof RegexLiteral r) {
            return r;
        }
        return null;
    }

    /** 1.x's {@code evalBinaryExpr} on two evaluated operands. */
    public static Object binary(Operator op, Object lhs, Object rhs) {
        if (lhs == null && rhs instanceof Boolean) {
            lhs = false;
        } else if (rhs == null && lhs instanceof Boolean) {
            rhs = false;
        }
        Object r = null;
        boolean handled = true;
        if (lhs instanceof Boolean l) {
            r = bool(op, l, rhs);
        } else if (lhs instanceof Double || lhs instanceof Long || lhs instanceof Unsigned) {
            r = Arithmetic.numeric(op, lhs, rhs);
        } else if (lhs instanceof String s) {
            r = string(op, s, rhs);
        } else {
            handled = false;
        }
        if (handled && r != Arithmetic.NOT_APPLICABLE) {
            return r;
        }
        return op.isComparison() ? Boolean.FALSE : null;
    }

    private static Object bool(Operator op, boolean l, Object rhs) {
        boolean ok = rhs instanceof Boolean;
        boolean r = ok && (Boolean) rhs;
        return switch (op) {
            case AND -> ok && l && r;
            case OR -> ok && (l || r);
            case BITWISE_AND -> ok ? (Object) (l & r) : null;
            case BITWISE_OR -> ok ? (Object) (l | r) : null;
            case BITWISE_XOR -> ok ? (Object) (l ^ r) : null;
            case EQ -> ok && l == r;
            case NEQ -> ok && l != r;
            default -> Arithmetic.NOT_APPLICABLE;
        };
    }

    private static Object string(Operator op, String l, Object rhs) {
        return switch (op) {
            case EQ -> rhs instanceof String r && l.equals(r);
            case NEQ -> rhs instanceof String r && !l.equals(r);
            case EQREGEX -> rhs instanceof RegexLiteral re && re.matches(l);
            case NEQREGEX -> rhs instanceof RegexLiteral re && !re.matches(l);
            case ADD -> rhs instanceof String r ? l + r : null;
            default -> Arithmetic.NOT_APPLICABLE;
        };
    }
}
