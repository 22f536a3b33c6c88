package io.shardline.query.plan;

import io.shardline.query.QueryException;
import io.shardline.query.ast.BinaryExpr;
import io.shardline.query.ast.BooleanLiteral;
import io.shardline.query.ast.Call;
import io.shardline.query.ast.DataType;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.Field;
import io.shardline.query.ast.IntegerLiteral;
import io.shardline.query.ast.NumberLiteral;
import io.shardline.query.ast.Operator;
import io.shardline.query.ast.ParenExpr;
import io.shardline.query.ast.StringLiteral;
import io.shardline.query.ast.UnsignedLiteral;
import io.shardline.query.ast.VarRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * 1.x's type check of the selected fields ({@code validateTypes} of its query engine, run once the fields' references
 * got their types from the shards): every reference takes the type the measurements give it (a field's type, else
 * {@code tag} for a tag key), and an operator whose operand types 1.x's evaluator cannot combine fails with
 * {@code type error: <expr>: incompatible types: <lhs> and <rhs>}, e.g. {@code msg::string + 1}. Function results are
 * typed as 1.x's function type mapper types them ({@code mean} float, {@code count} integer, most others the type of
 * their first argument), so {@code difference(msg) + 1} fails here while {@code mean(msg) + 1} passes and fails later
 * when the string field is read, as in 1.x. Stateless.
 */
final class TypeCheck {

    /** Functions whose result is a float whatever they read (1.x's {@code FunctionTypeMapper}). */
    private static final Set<String> FLOAT_RESULTS = Set.of("mean", "median", "integral", "stddev", "derivative",
            "non_negative_derivative", "moving_average", "exponential_moving_average",
            "double_exponential_moving_average", "triple_exponential_moving_average", "relative_strength_index",
            "triple_exponential_derivative", "kaufmans_efficiency_ratio", "kaufmans_adaptive_moving_average",
            "chande_momentum_oscillator", "holt_winters", "holt_winters_with_fit");
    /** Math functions typed float when 1.x's function mapper leaves their type unknown. */
    private static final Set<String> FLOAT_MATH = Set.of("sin", "cos", "tan", "atan", "exp", "log", "ln", "log2",
            "log10", "sqrt", "asin", "acos");

    private TypeCheck() {
    }

    /** Checks every field against the measurements' schemas; throws 1.x's error for the first one that fails. */
    static void check(List<Field> fields, List<MeasurementSchema> schemas) {
        for (Field f : fields) {
            type(typed(f.expr(), schemas));
        }
    }

    /**
     * {@code e} with the types 1.x's field rewrite gives its references: uncast ones (and {@code ::field} ones that
     * are not tags) take the measurements' type; the rendering of a type error shows them ({@code msg::string}).
     */
    static Expr typed(Expr e, List<MeasurementSchema> schemas) {
        if (e instanceof VarRef v && (v.type() == DataType.UNKNOWN || v.type() == DataType.FIELD)) {
            DataType t = mapType(v.name(), schemas);
            return t == DataType.TAG && v.type() == DataType.FIELD ? v : new VarRef(v.name(), t);
        } else if (e instanceof Call c) {
            List<Expr> args = new ArrayList<>(c.args().size());
            c.args().forEach(a -> args.add(typed(a, schemas)));
            return new Call(c.name(), args);
        } else if (e instanceof BinaryExpr b) {
            return new BinaryExpr(b.op(), typed(b.lhs(), schemas), typed(b.rhs(), schemas));
        } else if (e instanceof ParenExpr p) {
            return new ParenExpr(typed(p.expr(), schemas));
        }
        return e;
    }

    /** The type of {@code name} over the measurements: the highest of their field types, else tag, else unknown. */
    private static DataType mapType(String name, List<MeasurementSchema> schemas) {
        DataType out = DataType.UNKNOWN;
        for (MeasurementSchema s : schemas) {
            DataType t = s.fields().containsKey(name) ? DataType.of(s.fields().get(name))
                    : s.tagKeys().contains(name) ? DataType.TAG : DataType.UNKNOWN;
            if (lessThan(out, t)) {
                out = t;
            }
        }
        return out;
    }

    /** 1.x's {@code DataType.LessThan}: unknown below all; then float, integer, unsigned, string, boolean, ..., tag. */
    static boolean lessThan(DataType d, DataType other) {
        if (d == DataType.UNKNOWN) {
            return true;
        } else if (d == DataType.UNSIGNED) {
            return other != DataType.UNKNOWN && goCode(other) <= goCode(DataType.INTEGER);
        } else if (other == DataType.UNSIGNED) {
            return goCode(d) >= goCode(DataType.STRING);
        }
        return other != DataType.UNKNOWN && goCode(other) < goCode(d);
    }

    /** The number 1.x's {@code influxql.DataType} gives the type (the order of its precedence rules). */
    private static int goCode(DataType t) {
        return switch (t) {
            case UNKNOWN -> 0;
            case FLOAT -> 1;
            case INTEGER -> 2;
            case STRING -> 3;
            case BOOLEAN -> 4;
            case TIME -> 5;
            case DURATION -> 6;
            case TAG -> 7;
            case FIELD -> 8;
            case UNSIGNED -> 9;
        };
    }

    /** 1.x's {@code TypeValuerEval.EvalType} over a typed expression. */
    static DataType type(Expr e) {
        if (e instanceof VarRef v) {
            return v.type() == DataType.FIELD ? DataType.UNKNOWN : v.type();
        } else if (e instanceof Call c) {
            List<DataType> args = new ArrayList<>(c.args().size());
            c.args().forEach(a -> args.add(type(a)));
            return callType(c.name(), args);
        } else if (e instanceof BinaryExpr b) {
            return binaryType(b);
        } else if (e instanceof ParenExpr p) {
            return type(p.expr());
        } else if (e instanceof NumberLiteral) {
            return DataType.FLOAT;
        } else if (e instanceof IntegerLiteral) {
            return DataType.INTEGER;
        } else if (e instanceof UnsignedLiteral) {
            return DataType.UNSIGNED;
        } else if (e instanceof StringLiteral) {
            return DataType.STRING;
        } else if (e instanceof BooleanLiteral) {
            return DataType.BOOLEAN;
        }
        return DataType.UNKNOWN;
    }

    /** 1.x's function type mapper, then (for a result it leaves unknown) its math type mapper. */
    private static DataType callType(String name, List<DataType> args) {
        DataType arg0 = args.isEmpty() ? DataType.UNKNOWN : args.get(0);
        DataType t;
        if (FLOAT_RESULTS.contains(name)) {
            t = DataType.FLOAT;
        } else if (name.equals("count") || name.equals("elapsed")) {
            t = DataType.INTEGER;
        } else {
            t = arg0;
        }
        if (t != DataType.UNKNOWN) {
            return t;
        }
        // the first argument's type is unknown here; only atan2 and pow check another one
        if (FLOAT_MATH.contains(name)) {
            return DataType.FLOAT;
        } else if (name.equals("atan2") || name.equals("pow")) {
            DataType arg1 = args.size() > 1 ? args.get(1) : DataType.UNKNOWN;
            if (!numericOrUnknown(arg1)) {
                throw new QueryException("invalid argument type for the second argument in " + name + "(): " + arg1);
            }
            return DataType.FLOAT;
        }
        return DataType.UNKNOWN;
    }

    private static boolean numericOrUnknown(DataType t) {
        return t == DataType.FLOAT || t == DataType.INTEGER || t == DataType.UNSIGNED || t == DataType.UNKNOWN;
    }

    private static DataType binaryType(BinaryExpr b) {
        DataType lhs = type(b.lhs());
        DataType rhs = type(b.rhs());
        Operator op = b.op();
        if ((lhs == DataType.UNSIGNED && rhs == DataType.INTEGER)
                || (lhs == DataType.INTEGER && rhs == DataType.UNSIGNED)) {
            Expr integer = lhs == DataType.INTEGER ? b.lhs() : b.rhs();
            Expr unsigned = lhs == DataType.UNSIGNED ? b.lhs() : b.rhs();
            if (unsigned.isLiteral()) {
                throw typeError(b, "cannot use " + op.text() + " with an integer and unsigned literal");
            } else if (!integer.isLiteral()) {
                throw typeError(b, "cannot use " + op.text()
                        + " between an integer and unsigned, an explicit cast is required");
            }
        }
        if (lhs == DataType.UNKNOWN) {
            return rhs;
        } else if (rhs == DataType.UNKNOWN) {
            return lhs;
        }
        DataType result = evalType(op, lhs, rhs);
        if (result == DataType.UNKNOWN) {
            throw typeError(b, "incompatible types: " + lhs + " and " + rhs);
        }
        return result;
    }

    /**
     * The type of the value 1.x's evaluator gives {@code lhs op rhs} for the types' zero values (unknown where it
     * gives none): comparisons are booleans whatever the operands, booleans combine logically and bitwise with
     * anything, strings and tags match regexes, numbers add, subtract, multiply, divide and take remainders (floats
     * win), integers and unsigned also combine bitwise (unsigned wins).
     */
    private static DataType evalType(Operator op, DataType lhs, DataType rhs) {
        if (op.isComparison()) {
            return DataType.BOOLEAN;
        }
        boolean arithmetic = op == Operator.ADD || op == Operator.SUB || op == Operator.MUL || op == Operator.DIV
                || op == Operator.MOD;
        boolean bitwise = op == Operator.BITWISE_AND || op == Operator.BITWISE_OR || op == Operator.BITWISE_XOR;
        return switch (lhs) {
            case BOOLEAN -> op.isLogical() || bitwise ? DataType.BOOLEAN : DataType.UNKNOWN;
            case STRING, TAG -> op.isRegex() ? DataType.BOOLEAN : DataType.UNKNOWN;
            case FLOAT -> arithmetic && isNumber(rhs) ? DataType.FLOAT : DataType.UNKNOWN;
            case INTEGER, UNSIGNED -> {
                if (rhs == DataType.FLOAT) {
                    yield arithmetic ? DataType.FLOAT : DataType.UNKNOWN;
                } else if (isNumber(rhs)) {
                    boolean unsigned = lhs == DataType.UNSIGNED || rhs == DataType.UNSIGNED;
                    yield arithmetic || bitwise ? unsigned ? DataType.UNSIGNED : DataType.INTEGER : DataType.UNKNOWN;
                }
                yield DataType.UNKNOWN;
            }
            default -> DataType.UNKNOWN;
        };
    }

    private static boolean isNumber(DataType t) {
        return t == DataType.FLOAT || t == DataType.INTEGER || t == DataType.UNSIGNED;
    }

    private static QueryException typeError(BinaryExpr b, String message) {
        return new QueryException("type error: " + b + ": " + message);
    }
}
