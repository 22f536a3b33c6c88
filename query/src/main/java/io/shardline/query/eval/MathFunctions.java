package io.shardline.query.eval;

import io.shardline.query.value.Unsigned;
import java.util.List;
import java.util.Set;

/**
 * 1.x's math functions ({@code MathValuer}): evaluated per row on raw values or on aggregate results, with 1.x's
 * types ({@code abs/floor/ceil/round} keep integers as they are, 1.6.7's {@code abs} included; the others answer
 * floats; a missing or non-numeric argument gives null). Stateless.
 */
public final class MathFunctions {

    /** The math function names. */
    public static final Set<String> NAMES = Set.of("abs", "sin", "cos", "tan", "asin", "acos", "atan", "atan2",
            "exp", "log", "ln", "log2", "log10", "sqrt", "pow", "floor", "ceil", "round");

    private MathFunctions() {
    }

    public static boolean isMath(String name) {
        return NAMES.contains(name);
    }

    /** The number of arguments 1.x expects. */
    public static int arity(String name) {
        return name.equals("atan2") || name.equals("pow") || name.equals("log") ? 2 : 1;
    }

    /** The value of {@code name(args)}. */
    public static Object call(String name, List<Object> args) {
        Object a = args.get(0);
        if (args.size() == 2) {
            Double x = asFloat(a);
            Double y = asFloat(args.get(1));
            if (x == null || y == null) {
                return null;
            }
            return switch (name) {
                case "atan2" -> StrictMath.atan2(x, y);
                case "log" -> StrictMath.log(x) / StrictMath.log(y);
                case "pow" -> StrictMath.pow(x, y);
                default -> null;
            };
        }
        switch (name) {
            case "abs", "floor", "ceil", "round" -> {
                if (a instanceof Long || a instanceof Unsigned) {
                    return a;
                }
                if (!(a instanceof Double d)) {
                    return null;
                }
                return switch (name) {
                    case "abs" -> Math.abs(d);
                    case "floor" -> Math.floor(d);
                    case "ceil" -> Math.ceil(d);
                    default -> round(d);
                };
            }
            default -> {
                Double x = asFloat(a);
                if (x == null) {
                    return null;
                }
                return switch (name) {
                    case "sin" -> StrictMath.sin(x);
                    case "cos" -> StrictMath.cos(x);
                    case "tan" -> StrictMath.tan(x);
                    case "asin" -> StrictMath.asin(x);
                    case "acos" -> StrictMath.acos(x);
                    case "atan" -> StrictMath.atan(x);
                    case "exp" -> StrictMath.exp(x);
                    case "ln" -> StrictMath.log(x);
                    case "log2" -> log2(x);
                    case "log10" -> log10(x);
                    case "sqrt" -> StrictMath.sqrt(x);
                    default -> null;
                };
            }
        }
    }

    /** Go's {@code Log2E} and {@code Log10E} (1/Ln2, 1/Ln10 rounded once). */
    private static final double LOG2E = 1.4426950408889634;
    private static final double LOG10E = 0.4342944819032518;

    /** Go's {@code math.Log2}: exact for powers of two ({@code Frexp}), {@code Log(frac)*(1/Ln2) + exp} otherwise. */
    static double log2(double x) {
        if (Double.isNaN(x) || x <= 0 || Double.isInfinite(x)) {
            return StrictMath.log(x);
        }
        int e = Math.getExponent(x);
        if (e < Double.MIN_EXPONENT) {
            e = Math.getExponent(x * 0x1p52) - 52;
        }
        double frac = Math.scalb(x, -(e + 1)); // Go's Frexp: frac in [0.5, 1), x = frac * 2^(e+1)
        if (frac == 0.5) {
            return e;
        }
        return StrictMath.log(frac) * LOG2E + (e + 1);
    }

    /** Go's {@code math.Log10}: {@code Log(x) * (1/Ln10)}. */
    static double log10(double x) {
        return StrictMath.log(x) * LOG10E;
    }

    /** 1.x's {@code round}: half away from zero. */
    static double round(double x) {
        double t = x < 0 ? Math.ceil(x) : Math.floor(x);
        if (Math.abs(x - t) >= 0.5) {
            return t + Math.copySign(1.0, x);
        }
        return t;
    }

    private static Double asFloat(Object v) {
        if (v instanceof Double d) {
            return d;
        } else if (v instanceof Long l) {
            return (double) l;
        } else if (v instanceof Unsigned u) {
            return u.toDouble();
        }
        return null;
    }
}
