package io.shardline.query.eval;

import io.shardline.query.ast.Operator;
import io.shardline.query.value.Unsigned;

/** Numeric binary operations of 1.x's evaluator: float promotion, integer math, unsigned math. Stateless. */
final class Arithmetic {

    /** Marker for "operator not defined for these operands". */
    static final Object NOT_APPLICABLE = new Object();

    private Arithmetic() {
    }

    static Object numeric(Operator op, Object lhs, Object rhs) {
        if (lhs instanceof Double || rhs instanceof Double) {
            if (!(rhs instanceof Double || rhs instanceof Long || rhs instanceof Unsigned)) {
                return floats(op, toDouble(lhs), 0, false);
            }
            return floats(op, toDouble(lhs), toDouble(rhs), true);
        }
        if (lhs instanceof Long l && rhs instanceof Long r) {
            return integers(op, l, r);
        }
        if ((lhs instanceof Unsigned || lhs instanceof Long) && (rhs instanceof Unsigned || rhs instanceof Long)) {
            return unsigned(op, bits(lhs), bits(rhs));
        }
        return floats(op, toDouble(lhs), 0, false);
    }

    private static double toDouble(Object v) {
        if (v instanceof Double d) {
            return d;
        } else if (v instanceof Long l) {
            return l;
        }
        return ((Unsigned) v).toDouble();
    }

    private static long bits(Object v) {
        return v instanceof Long l ? l : ((Unsigned) v).bits();
    }

    private static Object floats(Operator op, double l, double r, boolean ok) {
        return switch (op) {
            case EQ -> ok && l == r;
            case NEQ -> ok && l != r;
            case LT -> ok && l < r;
            case LTE -> ok && l <= r;
            case GT -> ok && l > r;
            case GTE -> ok && l >= r;
            case ADD -> ok ? (Object) (l + r) : null;
            case SUB -> ok ? (Object) (l - r) : null;
            case MUL -> ok ? (Object) (l * r) : null;
            case DIV -> ok ? (Object) (r == 0 ? 0.0 : l / r) : null;
            case MOD -> ok ? (Object) (l % r) : null;
            default -> NOT_APPLICABLE;
        };
    }

    private static Object integers(Operator op, long l, long r) {
        return switch (op) {
            case EQ -> l == r;
            case NEQ -> l != r;
            case LT -> l < r;
            case LTE -> l <= r;
            case GT -> l > r;
            case GTE -> l >= r;
            case ADD -> l + r;
            case SUB -> l - r;
            case MUL -> l * r;
            case DIV -> r == 0 ? 0.0 : (double) l / (double) r;
            case MOD -> r == 0 ? 0L : l % r;
            case BITWISE_AND -> l & r;
            case BITWISE_OR -> l | r;
            case BITWISE_XOR -> l ^ r;
            default -> NOT_APPLICABLE;
        };
    }

    private static Object unsigned(Operator op, long l, long r) {
        int c = Long.compareUnsigned(l, r);
        return switch (op) {
            case EQ -> c == 0;
            case NEQ -> c != 0;
            case LT -> c < 0;
            case LTE -> c <= 0;
            case GT -> c > 0;
            case GTE -> c >= 0;
            case ADD -> new Unsigned(l + r);
            case SUB -> new Unsigned(l - r);
            case MUL -> new Unsigned(l * r);
            case DIV -> new Unsigned(r == 0 ? 0 : Long.divideUnsigned(l, r));
            case MOD -> new Unsigned(r == 0 ? 0 : Long.remainderUnsigned(l, r));
            case BITWISE_AND -> new Unsigned(l & r);
            case BITWISE_OR -> new Unsigned(l | r);
            case BITWISE_XOR -> new Unsigned(l ^ r);
            default -> NOT_APPLICABLE;
        };
    }
}
