package io.shardline.query.plan;

import io.shardline.query.QueryException;
import io.shardline.query.eval.MathFunctions;
import io.shardline.query.ast.BinaryExpr;
import io.shardline.query.ast.Call;
import io.shardline.query.ast.Distinct;
import io.shardline.query.ast.DurationLiteral;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.FillOption;
import io.shardline.query.ast.InfluxDuration;
import io.shardline.query.ast.IntegerLiteral;
import io.shardline.query.ast.NumberLiteral;
import io.shardline.query.ast.ParenExpr;
import io.shardline.query.ast.RegexLiteral;
import io.shardline.query.ast.StringLiteral;
import io.shardline.query.ast.VarRef;
import io.shardline.query.ast.Wildcard;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * 1.x's {@code compileFields}/{@code validateFields}: checks every SELECT expression and the combination of
 * aggregates, selectors and plain fields, with 1.x's error texts. Single-use, not thread-safe.
 */
final class FieldCompiler {

    private static final Set<String> AGGREGATES = Set.of("count", "sum", "mean", "median", "mode", "stddev", "spread");
    private static final Set<String> SELECTORS = Set.of("max", "min", "first", "last");
    static final Set<String> TRANSFORMS = Stream.concat(Stream.of("derivative", "non_negative_derivative",
            "difference", "non_negative_difference", "moving_average", "cumulative_sum", "elapsed", "holt_winters",
            "holt_winters_with_fit"), Transforms.TECHNICAL_ANALYSIS.stream()).collect(Collectors.toUnmodifiableSet());

    private final boolean hasInterval;
    private final int statementLimit;
    private String topBottom;
    final List<Call> functionCalls = new ArrayList<>();
    boolean hasAuxiliaryFields;
    boolean onlySelectors = true;
    boolean hasDistinct;
    private boolean allowWildcard;

    FieldCompiler(boolean hasInterval, int statementLimit) {
        this.hasInterval = hasInterval;
        this.statementLimit = statementLimit;
    }

    /** Compiles one field expression (time fields already removed). */
    void compile(Expr expr) {
        allowWildcard = true;
        compileExpr(expr);
    }

    private void compileExpr(Expr expr) {
        if (expr instanceof VarRef) {
            hasAuxiliaryFields = true;
        } else if (expr instanceof Wildcard) {
            hasAuxiliaryFields = true;
            if (!allowWildcard) {
                throw new QueryException("unable to use wildcard in a binary expression");
            }
        } else if (expr instanceof RegexLiteral) {
            if (!allowWildcard) {
                throw new QueryException("unable to use regex in a binary expression");
            }
            hasAuxiliaryFields = true;
        } else if (expr instanceof Call c) {
            compileCall(c);
        } else if (expr instanceof Distinct d) {
            Call call = new Call("distinct", List.of(VarRef.of(d.name())));
            functionCalls.add(call);
            compileDistinct(call.args(), false);
        } else if (expr instanceof BinaryExpr b) {
            allowWildcard = false;
            boolean lhsLiteral = b.lhs().isLiteral();
            boolean rhsLiteral = b.rhs().isLiteral();
            if (lhsLiteral && rhsLiteral) {
                throw new QueryException("cannot perform a binary expression on two literals");
            }
            if (!lhsLiteral) {
                compileExpr(b.lhs());
            }
            if (!rhsLiteral) {
                compileExpr(b.rhs());
            }
        } else if (expr instanceof ParenExpr p) {
            compileExpr(p.expr());
        } else {
            throw new QueryException("field must contain at least one variable");
        }
    }

    private void compileCall(Call c) {
        if (MathFunctions.isMath(c.name())) {
            compileMathFunction(c);
            return;
        }
        functionCalls.add(c);
        String name = c.name();
        if (name.equals("percentile")) {
            compilePercentile(c.args());
        } else if (name.equals("distinct")) {
            compileDistinct(c.args(), false);
        } else if (name.equals("integral")) {
            compileIntegral(c.args());
        } else if (name.equals("sample")) {
            compileSample(c.args());
        } else if (name.equals("top") || name.equals("bottom")) {
            compileTopBottom(c);
        } else if (Transforms.TECHNICAL_ANALYSIS.contains(name)) {
            validateTechnicalAnalysis(c);
        } else if (name.startsWith("holt_winters")) {
            validateHoltWinters(c);
        } else if (TRANSFORMS.contains(name)) {
            validateTransform(c);
        } else {
            compileFunction(c);
        }
    }

    /** 1.x's {@code compileMathFunction}: the argument count, then every argument that is not a literal. */
    private void compileMathFunction(Call c) {
        int n = MathFunctions.arity(c.name());
        if (c.args().size() != n) {
            throw new QueryException("invalid number of arguments for " + c.name() + ", expected " + n + ", got "
                    + c.args().size());
        }
        boolean variable = false;
        for (Expr a : c.args()) {
            if (!a.isLiteral()) {
                compileExpr(a);
                variable = true;
            }
        }
        if (!variable) {
            throw new QueryException("field must contain at least one variable");
        }
    }

    /** 1.x's {@code compileTopBottom}. */
    private void compileTopBottom(Call c) {
        if (topBottom != null) {
            throw new QueryException("selector function " + topBottom + "() cannot be combined with other functions");
        }
        List<Expr> args = c.args();
        if (args.size() < 2) {
            throw new QueryException("invalid number of arguments for " + c.name() + ", expected at least 2, got "
                    + args.size());
        }
        Expr last = args.get(args.size() - 1);
        if (!(last instanceof IntegerLiteral limit)) {
            throw new QueryException("expected integer as last argument in " + c.name() + "(), found " + last);
        } else if (limit.value() <= 0) {
            throw new QueryException("limit (" + limit.value() + ") in " + c.name() + " function must be at least 1");
        } else if (statementLimit > 0 && limit.value() > statementLimit) {
            throw new QueryException("limit (" + limit.value() + ") in " + c.name()
                    + " function can not be larger than the LIMIT (" + statementLimit + ") in the select statement");
        }
        if (!(args.get(0) instanceof VarRef)) {
            throw new QueryException("expected first argument to be a field in " + c.name() + "(), found "
                    + args.get(0));
        }
        if (args.size() > 2) {
            for (Expr e : args.subList(1, args.size() - 1)) {
                if (!(e instanceof VarRef)) {
                    throw new QueryException("only fields or tags are allowed in " + c.name() + "(), found " + e);
                }
            }
        }
        topBottom = c.name();
    }

    private void compileFunction(Call c) {
        String name = c.name();
        if (AGGREGATES.contains(name)) {
            onlySelectors = false;
        } else if (!SELECTORS.contains(name)) {
            throw new QueryException("undefined function " + name + "()");
        }
        if (c.args().size() != 1) {
            throw new QueryException("invalid number of arguments for " + name + ", expected 1, got "
                    + c.args().size());
        }
        Expr arg = c.args().get(0);
        if (name.equals("count")) {
            if (arg instanceof Call inner && inner.name().equals("distinct")) {
                compileDistinct(inner.args(), true);
                return;
            } else if (arg instanceof Distinct d) {
                compileDistinct(List.of(VarRef.of(d.name())), true);
                return;
            }
        }
        compileSymbol(name, arg);
    }

    private void compileSymbol(String name, Expr field) {
        if (field instanceof VarRef) {
            return;
        } else if (field instanceof Wildcard) {
            if (!allowWildcard) {
                throw new QueryException("unsupported expression with wildcard: " + name + "()");
            }
            onlySelectors = false;
        } else if (field instanceof RegexLiteral) {
            if (!allowWildcard) {
                throw new QueryException("unsupported expression with regex field: " + name + "()");
            }
            onlySelectors = false;
        } else {
            throw new QueryException("expected field argument in " + name + "()");
        }
    }

    private void compileDistinct(List<Expr> args, boolean nested) {
        if (args.isEmpty()) {
            throw new QueryException("distinct function requires at least one argument");
        } else if (args.size() != 1) {
            throw new QueryException("distinct function can only have one argument");
        } else if (!(args.get(0) instanceof VarRef)) {
            throw new QueryException("expected field argument in distinct()");
        }
        if (!nested) {
            hasDistinct = true;
        }
        onlySelectors = false;
    }

    /** 1.x's {@code compileIntegral}. */
    private void compileIntegral(List<Expr> args) {
        if (args.isEmpty() || args.size() > 2) {
            throw new QueryException("invalid number of arguments for integral, expected at least 1 but no more "
                    + "than 2, got " + args.size());
        }
        if (args.size() == 2) {
            if (!(args.get(1) instanceof DurationLiteral d)) {
                throw new QueryException("second argument must be a duration");
            } else if (d.nanos() <= 0) {
                throw new QueryException("duration argument must be positive, got " + InfluxDuration.format(d.nanos()));
            }
        }
        onlySelectors = false;
        compileSymbol("integral", args.get(0));
    }

    /** 1.x's {@code compileSample} (its message says "greater than 1" but 1 is accepted). */
    private void compileSample(List<Expr> args) {
        if (args.size() != 2) {
            throw new QueryException("invalid number of arguments for sample, expected 2, got " + args.size());
        }
        if (!(args.get(1) instanceof IntegerLiteral n)) {
            throw new QueryException("expected integer argument in sample()");
        } else if (n.value() <= 0) {
            throw new QueryException("sample window must be greater than 1, got " + n.value());
        }
        compileSymbol("sample", args.get(0));
    }

    private void compilePercentile(List<Expr> args) {
        if (args.size() != 2) {
            throw new QueryException("invalid number of arguments for percentile, expected 2, got " + args.size());
        }
        if (!(args.get(1) instanceof IntegerLiteral || args.get(1) instanceof NumberLiteral)) {
            throw new QueryException("expected float argument in percentile()");
        }
        compileSymbol("percentile", args.get(0));
    }

    /** 1.x's argument checks for the transformations ({@code compileDerivative} and friends). */
    private void validateTransform(Call c) {
        String name = c.name();
        List<Expr> args = c.args();
        if (name.equals("derivative") || name.equals("non_negative_derivative") || name.equals("elapsed")) {
            if (args.isEmpty() || args.size() > 2) {
                throw new QueryException("invalid number of arguments for " + name
                        + ", expected at least 1 but no more than 2, got " + args.size());
            }
            if (args.size() == 2) {
                if (!(args.get(1) instanceof DurationLiteral d)) {
                    throw new QueryException("second argument to " + name + " must be a duration, got *influxql."
                            + args.get(1).getClass().getSimpleName());
                } else if (d.nanos() <= 0) {
                    throw new QueryException("duration argument must be positive, got "
                            + InfluxDuration.format(d.nanos()));
                }
            }
        } else if (name.equals("moving_average")) {
            if (args.size() != 2) {
                throw new QueryException("invalid number of arguments for moving_average, expected 2, got "
                        + args.size());
            }
            if (!(args.get(1) instanceof IntegerLiteral n)) {
                throw new QueryException("second argument for moving_average must be an integer, got *influxql."
                        + args.get(1).getClass().getSimpleName());
            } else if (n.value() <= 1) {
                throw new QueryException("moving_average window must be greater than 1, got " + n.value());
            }
        } else if (args.size() != 1) {
            throw new QueryException("invalid number of arguments for " + name + ", expected 1, got "
                    + args.size());
        }
        onlySelectors = false;
        compileTransformInput(name, args.get(0));
    }

    /**
     * 1.x's {@code compileExponentialMovingAverage}, {@code compileKaufmans} and
     * {@code compileChandeMomentumOscillator}: period, hold period, warmup type, then the input.
     */
    private void validateTechnicalAnalysis(Call c) {
        String name = c.name();
        List<Expr> args = c.args();
        boolean kaufmans = name.startsWith("kaufmans_");
        int max = kaufmans ? 3 : 4;
        if (args.size() < 2 || args.size() > max) {
            throw new QueryException("invalid number of arguments for " + name
                    + ", expected at least 2 but no more than " + max + ", got " + args.size());
        }
        if (!(args.get(1) instanceof IntegerLiteral period)) {
            throw new QueryException(name + " period must be an integer");
        } else if (period.value() < 1) {
            throw new QueryException(name + " period must be greater than or equal to 1");
        }
        if (args.size() >= 3) {
            if (!(args.get(2) instanceof IntegerLiteral hold)) {
                throw new QueryException(name + " hold period must be an integer");
            } else if (name.equals("triple_exponential_derivative") && hold.value() < 1 && hold.value() != -1) {
                throw new QueryException(name + " hold period must be greater than or equal to 1");
            } else if (hold.value() < 0 && hold.value() != -1) {
                throw new QueryException(name + " hold period must be greater than or equal to 0");
            }
        }
        if (args.size() >= 4) {
            boolean chande = name.equals("chande_momentum_oscillator");
            if (!(args.get(3) instanceof StringLiteral warmup)) {
                throw new QueryException(name + " warmup type must be a string");
            } else if (!(warmup.value().equals("exponential") || warmup.value().equals("simple")
                    || chande && warmup.value().equals("none"))) {
                throw new QueryException(name + " warmup type must be one of:" + (chande ? " 'none'" : "")
                        + " 'exponential' 'simple'");
            }
        }
        onlySelectors = false;
        compileTransformInput(name, args.get(0));
    }

    /** The input of a transformation: an aggregate with GROUP BY time, or a field without. */
    private void compileTransformInput(String name, Expr input) {
        if (input instanceof Call inner) {
            if (!hasInterval) {
                throw new QueryException(name + " aggregate requires a GROUP BY interval");
            }
            if (inner.name().equals("distinct")) { // 1.x's compileNestedExpr: not a lone distinct()
                compileDistinct(inner.args(), true);
            } else {
                compileExpr(inner);
            }
        } else if (hasInterval) {
            throw new QueryException("aggregate function required inside the call to " + name);
        } else {
            compileSymbol(name, input);
        }
    }

    /** 1.x's {@code compileHoltWinters}: N > 0, S >= 0, an aggregate with GROUP BY time. */
    private void validateHoltWinters(Call c) {
        String name = c.name();
        List<Expr> args = c.args();
        if (args.size() != 3) {
            throw new QueryException("invalid number of arguments for " + name + ", expected 3, got " + args.size());
        }
        if (!(args.get(1) instanceof IntegerLiteral n)) {
            throw new QueryException("expected integer argument as second arg in " + name);
        } else if (n.value() <= 0) {
            throw new QueryException("second arg to " + name + " must be greater than 0, got " + n.value());
        }
        if (!(args.get(2) instanceof IntegerLiteral s)) {
            throw new QueryException("expected integer argument as third arg in " + name);
        } else if (s.value() < 0) {
            throw new QueryException("third arg to " + name + " cannot be negative, got " + s.value());
        }
        onlySelectors = false;
        if (!(args.get(0) instanceof Call inner)) {
            throw new QueryException("must use aggregate function with " + name);
        } else if (!hasInterval) {
            throw new QueryException(name + " aggregate requires a GROUP BY interval");
        }
        if (inner.name().equals("distinct")) { // 1.x's compileNestedExpr: not a lone distinct()
            compileDistinct(inner.args(), true);
        } else {
            compileExpr(inner);
        }
    }

    /** 1.x's {@code validateFields}, after every field was compiled. */
    void validate(int fieldCount, FillOption fill) {
        if (fieldCount == 0) {
            throw new QueryException("at least 1 non-time field must be queried");
        }
        if (functionCalls.isEmpty()) {
            if (fill == FillOption.NONE) {
                throw new QueryException("fill(none) must be used with a function");
            } else if (fill == FillOption.LINEAR) {
                throw new QueryException("fill(linear) must be used with a function");
            }
            if (hasInterval) {
                throw new QueryException("GROUP BY requires at least one aggregate function");
            }
        }
        if (topBottom != null && functionCalls.size() > 1) {
            throw new QueryException("selector function " + topBottom + "() cannot be combined with other functions");
        }
        if (hasDistinct && (functionCalls.size() != 1 || hasAuxiliaryFields)) {
            throw new QueryException(
                    "aggregate function distinct() cannot be combined with other functions or fields");
        }
        if (hasAuxiliaryFields) {
            if (!onlySelectors) {
                throw new QueryException("mixing aggregate and non-aggregate queries is not supported");
            } else if (functionCalls.size() > 1) {
                throw new QueryException("mixing multiple selector functions with tags or fields is not supported");
            }
        }
    }
}
