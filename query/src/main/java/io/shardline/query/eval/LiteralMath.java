package io.shardline.query.eval;

import io.shardline.query.ast.BooleanLiteral;
import io.shardline.query.ast.DurationLiteral;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.IntegerLiteral;
import io.shardline.query.ast.NilLiteral;
import io.shardline.query.ast.NumberLiteral;
import io.shardline.query.ast.Operator;
import io.shardline.query.ast.StringLiteral;
import io.shardline.query.ast.TimeLiteral;
import io.shardline.query.ast.UnsignedLiteral;
import io.shardline.query.value.Rfc3339;

/** The per-type literal folding rules of 1.x's {@code reduceBinaryExpr*LHS}; null means "does not fold". */
final class LiteralMath {

    private LiteralMath() {
    }

    static Expr bool(Operator op, BooleanLiteral l, Expr rhs) {
        if (rhs instanceof BooleanLiteral r) {
            return switch (op) {
                case EQ -> b(l.value() == r.value());
                case NEQ, BITWISE_XOR -> b(l.value() != r.value());
                case AND, BITWISE_AND -> b(l.value() && r.value());
                case OR, BITWISE_OR -> b(l.value() || r.value());
                default -> null;
            };
        }
        return rhs instanceof NilLiteral ? b(false) : null;
    }

    static Expr duration(Operator op, DurationLiteral l, Expr rhs) {
        long v = l.nanos();
        if (rhs instanceof DurationLiteral r) {
            return switch (op) {
                case ADD -> new DurationLiteral(v + r.nanos());
                case SUB -> new DurationLiteral(v - r.nanos());
                default -> compare(op, Long.compare(v, r.nanos()));
            };
        } else if (rhs instanceof NumberLiteral r) {
            return scale(op, v, (long) r.value());
        } else if (rhs instanceof IntegerLiteral r) {
            return scale(op, v, r.value());
        } else if (rhs instanceof TimeLiteral r) {
            return op == Operator.ADD ? new TimeLiteral(r.nanos() + v) : null;
        } else if (rhs instanceof StringLiteral r) {
            TimeLiteral t = Reducer.toTime(r);
            return t == null ? null : duration(op, l, t);
        }
        return rhs instanceof NilLiteral ? b(false) : null;
    }

    private static Expr scale(Operator op, long d, long factor) {
        return switch (op) {
            case MUL -> new DurationLiteral(d * factor);
            case DIV -> new DurationLiteral(factor == 0 ? 0 : d / factor);
            default -> null;
        };
    }

    static Expr integer(Operator op, IntegerLiteral l, Expr rhs) {
        long v = l.value();
        if (rhs instanceof NumberLiteral r) {
            return number(op, new NumberLiteral(v), r);
        } else if (rhs instanceof IntegerLiteral r) {
            long w = r.value();
            return switch (op) {
                case ADD -> new IntegerLiteral(v + w);
                case SUB -> new IntegerLiteral(v - w);
                case MUL -> new IntegerLiteral(v * w);
                case DIV -> new NumberLiteral(w == 0 ? 0 : (double) v / (double) w);
                case MOD -> new IntegerLiteral(w == 0 ? 0 : v % w);
                case BITWISE_AND -> new IntegerLiteral(v & w);
                case BITWISE_OR -> new IntegerLiteral(v | w);
                case BITWISE_XOR -> new IntegerLiteral(v ^ w);
                default -> compare(op, Long.compare(v, w));
            };
        } else if (rhs instanceof UnsignedLiteral r) {
            if (v < 0 && (op == Operator.LT || op == Operator.LTE)) {
                return b(true);
            } else if (v < 0 && (op == Operator.GT || op == Operator.GTE)) {
                return b(false);
            }
            return unsigned(op, new UnsignedLiteral(v), r);
        } else if (rhs instanceof DurationLiteral r) {
            return switch (op) {
                case ADD -> new TimeLiteral(v + r.nanos());
                case SUB -> new TimeLiteral(v - r.nanos());
                default -> null;
            };
        } else if (rhs instanceof TimeLiteral) {
            return duration(op, new DurationLiteral(v), rhs);
        } else if (rhs instanceof StringLiteral r) {
            TimeLiteral t = Reducer.toTime(r);
            return t == null ? null : duration(op, new DurationLiteral(v), t);
        }
        return rhs instanceof NilLiteral ? b(false) : null;
    }

    static Expr unsigned(Operator op, UnsignedLiteral l, Expr rhs) {
        long v = l.bits();
        if (rhs instanceof NumberLiteral r) {
            return number(op, new NumberLiteral(new io.shardline.query.value.Unsigned(v).toDouble()), r);
        } else if (rhs instanceof IntegerLiteral r) {
            if (r.value() < 0 && (op == Operator.LT || op == Operator.LTE)) {
                return b(false);
            } else if (r.value() < 0 && (op == Operator.GT || op == Operator.GTE)) {
                return b(true);
            }
            return unsigned(op, l, new UnsignedLiteral(r.value()));
        } else if (rhs instanceof UnsignedLiteral r) {
            long w = r.bits();
            return switch (op) {
                case ADD -> new UnsignedLiteral(v + w);
                case SUB -> new UnsignedLiteral(v - w);
                case MUL -> new UnsignedLiteral(v * w);
                case DIV -> new UnsignedLiteral(w == 0 ? 0 : Long.divideUnsigned(v, w));
                case MOD -> new UnsignedLiteral(w == 0 ? 0 : Long.remainderUnsigned(v, w));
                default -> compare(op, Long.compareUnsigned(v, w));
            };
        }
        return null;
    }

    static Expr number(Operator op, NumberLiteral l, Expr rhs) {
        double v = l.value();
        double w;
        if (rhs instanceof NumberLiteral r) {
            w = r.value();
        } else if (rhs instanceof IntegerLiteral r) {
            w = r.value();
        } else if (rhs instanceof UnsignedLiteral r) {
            w = new io.shardline.query.value.Unsigned(r.bits()).toDouble();
        } else {
            return rhs instanceof NilLiteral ? b(false) : null;
        }
        return switch (op) {
            case ADD -> new NumberLiteral(v + w);
            case SUB -> new NumberLiteral(v - w);
            case MUL -> new NumberLiteral(v * w);
            case DIV -> new NumberLiteral(w == 0 ? 0 : v / w);
            case MOD -> new NumberLiteral(v % w);
            case EQ -> b(v == w);
            case NEQ -> b(v != w);
            case GT -> b(v > w);
            case GTE -> b(v >= w);
            case LT -> b(v < w);
            case LTE -> b(v <= w);
            default -> null;
        };
    }

    static Expr string(Operator op, StringLiteral l, Expr rhs) {
        if (rhs instanceof StringLiteral r) {
            if (op == Operator.EQ || op == Operator.NEQ) {
                Expr result = b((op == Operator.EQ) == l.value().equals(r.value()));
                if (Rfc3339.looksLikeTime(l.value()) && Rfc3339.looksLikeTime(r.value())) {
                    TimeLiteral tl = Reducer.toTime(l);
                    TimeLiteral tr = Reducer.toTime(r);
                    if (tl != null && tr != null) {
                        Expr t = time(op, tl, tr);
                        return t != null ? t : result;
                    }
                }
                return result;
            } else if (op == Operator.ADD) {
                return new StringLiteral(l.value() + r.value());
            }
            TimeLiteral t = Reducer.toTime(l);
            return t == null ? null : time(op, t, rhs);
        } else if (rhs instanceof DurationLiteral || rhs instanceof TimeLiteral || rhs instanceof IntegerLiteral) {
            TimeLiteral t = Reducer.toTime(l);
            return t == null ? null : time(op, t, rhs);
        } else if (rhs instanceof NilLiteral) {
            return op == Operator.EQ || op == Operator.NEQ ? b(false) : null;
        }
        return null;
    }

    static Expr time(Operator op, TimeLiteral l, Expr rhs) {
        long v = l.nanos();
        if (rhs instanceof DurationLiteral r) {
            return switch (op) {
                case ADD -> new TimeLiteral(v + r.nanos());
                case SUB -> new TimeLiteral(v - r.nanos());
                default -> null;
            };
        } else if (rhs instanceof IntegerLiteral r) {
            return time(op, l, new DurationLiteral(r.value()));
        } else if (rhs instanceof TimeLiteral r) {
            return op == Operator.SUB ? new DurationLiteral(v - r.nanos()) : compare(op, Long.compare(v, r.nanos()));
        } else if (rhs instanceof StringLiteral r) {
            TimeLiteral t = Reducer.toTime(r);
            return t == null ? null : time(op, l, t);
        }
        return rhs instanceof NilLiteral ? b(false) : null;
    }

    private static Expr compare(Operator op, int c) {
        return switch (op) {
            case EQ -> b(c == 0);
            case NEQ -> b(c != 0);
            case GT -> b(c > 0);
            case GTE -> b(c >= 0);
            case LT -> b(c < 0);
            case LTE -> b(c <= 0);
            default -> null;
        };
    }

    private static BooleanLiteral b(boolean v) {
        return new BooleanLiteral(v);
    }
}
