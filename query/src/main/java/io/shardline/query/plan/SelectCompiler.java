package io.shardline.query.plan;

import io.shardline.query.QueryException;
import io.shardline.query.ast.BinaryExpr;
import io.shardline.query.ast.Call;
import io.shardline.query.ast.Dimension;
import io.shardline.query.ast.DurationLiteral;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.Field;
import io.shardline.query.ast.IntegerLiteral;
import io.shardline.query.ast.ParenExpr;
import io.shardline.query.ast.SelectStatement;
import io.shardline.query.ast.StringLiteral;
import io.shardline.query.ast.VarRef;
import io.shardline.query.eval.ConditionSplitter;
import io.shardline.query.eval.MathFunctions;
import io.shardline.query.eval.Reducer;
import io.shardline.query.eval.TimeCondition;
import io.shardline.query.eval.TimeRange;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a SELECT into a {@link SelectPlan} in 1.x's order: time range and condition, dimensions, fields,
 * field combination rules, then wildcard expansion against the schema. Errors are {@link QueryException}s with
 * 1.x's texts. Stateless.
 */
public final class SelectCompiler {

    /** holt_winters forecasts at most this many points (1.x allocates whatever it is asked for). */
    static final long MAX_HOLT_WINTERS_HORIZON = 10_000_000;

    private SelectCompiler() {
    }

    /**
     * Compiles {@code stmt} at {@code now} (ns). {@code schemas} describe the concrete measurements the sources
     * resolve to (see {@link SourceResolver}); measurements that do not exist are simply absent.
     */
    public static SelectPlan compile(SelectStatement stmt, long now, List<MeasurementSchema> schemas) {
        return compile(stmt, now, schemas, true);
    }

    /**
     * {@link #compile(SelectStatement, long, List)}; {@code checkTypes} false for a statement a subquery reads
     * (1.x type-checks only the fields of the statement it was asked, see {@link TypeCheck}).
     */
    public static SelectPlan compile(SelectStatement stmt, long now, List<MeasurementSchema> schemas,
            boolean checkTypes) {
        ZoneId zone = zone(stmt.location());
        TimeCondition.Result tc = TimeCondition.extract(stmt.condition(), now, zone);
        validateCondition(tc.condition());
        DimensionCompiler.Result dims = DimensionCompiler.compile(stmt.dimensions(), now, zone);
        TimeRange range = dims.interval() != null ? tc.range().withDefaultMax(now) : tc.range();

        List<Field> fields = new ArrayList<>();
        String timeColumn = compileFields(stmt, now, dims.interval() != null, fields);
        List<Dimension> tagDims = dims.tagDimensions().stream().map(Dimension::new).toList();
        WildcardExpander.Result expanded = WildcardExpander.expand(fields, tagDims, schemas);
        List<Field> projections = TopTags.expand(
                expanded.fields().stream().map(SelectCompiler::distinctToCall).toList(),
                ref -> schemas.stream().anyMatch(s -> s.isField(ref)));
        if (checkTypes) {
            TypeCheck.check(projections, schemas);
        }
        List<String> columns = ColumnNamer.columns(timeColumn, projections);
        Map<Integer, Transforms.Transform> transformed = new HashMap<>();
        Map<Integer, Transforms.Expression> expressions = new HashMap<>();
        int visible = projections.size();
        projections = transformInputs(projections, dims.interval(), transformed, expressions);
        List<String> groupBy = expanded.dimensions().stream().map(d -> ((VarRef) d.expr()).name()).distinct()
                .toList();
        Map<String, AggregateCall> calls = new LinkedHashMap<>();
        List<VarRef> aux = new ArrayList<>();
        for (Field f : projections) {
            collect(f.expr(), calls, aux);
        }
        ConditionSplitter.Split split = ConditionSplitter.split(tc.condition(), now,
                ref -> schemas.stream().anyMatch(s -> s.isField(ref)));
        List<AggregateCall> callList = calls.values().stream().map(c -> CallResolver.resolve(c.call(), aux))
                .toList();
        for (int i : transformed.keySet()) {
            if (!callList.isEmpty() && !(projections.get(i).expr() instanceof Call)) {
                throw new QueryException(
                        "a transformation of a raw field next to aggregates is not supported by Shardline");
            }
        }
        if (callList.size() > 1 && !stmt.timeAscending()
                && callList.stream().anyMatch(c -> c.function().isMultiPoint())) {
            throw new QueryException(
                    "sample() next to other functions with ORDER BY time DESC is not supported by Shardline");
        }
        boolean pointTime = dims.interval() == null && callList.size() == 1
                && callList.get(0).function().isSelector();
        Transforms transforms = Transforms.NONE;
        if (!transformed.isEmpty()) {
            int extra = transformed.values().stream().mapToInt(Transforms.Transform::extraIntervals).max()
                    .orElse(0);
            // the first bucket starts before the asked lower bound when GROUP BY time has an offset
            long outputMin = !range.hasMin() ? Long.MIN_VALUE
                    : dims.interval() != null ? dims.interval().bucketStart(range.min()) : range.min();
            Transforms probe = new Transforms(transformed, outputMin, range.hasMax() ? range.max() : Long.MAX_VALUE,
                    stmt.limit(), stmt.offset(), false, visible, expressions, extra,
                    dims.interval() != null ? dims.interval().duration() : 0);
            int extensions = probe.maxExtensions();
            boolean extend = extensions > 0;
            transforms = new Transforms(transformed, probe.outputMin(), probe.outputMax(), stmt.limit(),
                    stmt.offset(), extend && dims.interval() != null && stmt.timeAscending() && !range.hasMin(),
                    visible, expressions, extra, probe.interval());
            if (extend) {
                range = extendByIntervals(range, dims.interval(), stmt.timeAscending(), extensions);
            }
        }
        boolean paged = transforms.isEmpty();
        return new SelectPlan(schemas.stream().map(MeasurementSchema::name).toList(), range, dims.interval(),
                groupBy, split.tagPredicate(), split.rowFilter(), columns,
                projections, callList, callList.isEmpty() ? List.of() : aux, pointTime, stmt.fill(),
                stmt.fillValue(), stmt.timeAscending(), paged ? stmt.limit() : 0, paged ? stmt.offset() : 0,
                stmt.slimit(), stmt.soffset(), transforms);
    }

    /**
     * Replaces each top-level transformation call by its input (the coordinator transforms the merged rows) and
     * records it in {@code out}. A field with transformations inside arithmetic or math functions is split like
     * 1.x's value mapper splits it into symbols: every call in it reads its own input column (the field's slot for
     * the first, hidden columns appended after the visible ones for the others), recorded in {@code expressions}.
     */
    private static List<Field> transformInputs(List<Field> fields, Interval interval,
            Map<Integer, Transforms.Transform> out, Map<Integer, Transforms.Expression> expressions) {
        List<Field> inputs = new ArrayList<>(fields);
        List<Field> hidden = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            Expr e = f.expr();
            while (e instanceof ParenExpr p) {
                e = p.expr();
            }
            if (e instanceof Call c && FieldCompiler.TRANSFORMS.contains(c.name())) {
                out.put(i, transform(c, interval));
                inputs.set(i, new Field(innermostInput(c), f.alias()));
            } else if (hasTransform(f.expr())) {
                int slot0 = i;
                Map<Call, Integer> slots = new LinkedHashMap<>();
                symbols(f.expr(), c -> {
                    if (slots.containsKey(c)) {
                        return;
                    }
                    int slot = slots.isEmpty() ? slot0 : fields.size() + hidden.size();
                    boolean transformation = FieldCompiler.TRANSFORMS.contains(c.name());
                    Field input = Field.of(transformation ? innermostInput(c) : c);
                    if (transformation) {
                        out.put(slot, transform(c, interval));
                    }
                    if (slot == slot0) {
                        inputs.set(slot0, input);
                    } else {
                        hidden.add(input);
                    }
                    slots.put(c, slot);
                });
                expressions.put(i, new Transforms.Expression(f.expr(), slots));
            }
        }
        inputs.addAll(hidden);
        return inputs;
    }

    private static boolean hasTransform(Expr e) {
        boolean[] found = {false};
        symbols(e, c -> found[0] |= FieldCompiler.TRANSFORMS.contains(c.name()));
        return found[0];
    }

    /** The calls 1.x's value mapper turns into symbols: every call that is not a math function, outermost first. */
    private static void symbols(Expr e, java.util.function.Consumer<Call> symbol) {
        if (e instanceof Call c && MathFunctions.isMath(c.name())) {
            c.args().forEach(a -> symbols(a, symbol));
        } else if (e instanceof Call c) {
            symbol.accept(c);
        } else if (e instanceof BinaryExpr b) {
            symbols(b.lhs(), symbol);
            symbols(b.rhs(), symbol);
        } else if (e instanceof ParenExpr p) {
            symbols(p.expr(), symbol);
        }
    }

    /** The argument a chain of nested transformations reads ({@code mean(x)} of {@code derivative(difference(mean(x)))}). */
    private static Expr innermostInput(Call c) {
        Expr arg = c.args().get(0);
        return arg instanceof Call inner && FieldCompiler.TRANSFORMS.contains(inner.name()) ? innermostInput(inner) : arg;
    }

    /** The transformation {@code c}, over the transformations nested in its first argument. */
    private static Transforms.Transform transform(Call c, Interval interval) {
        Transforms.Transform t = single(c, interval);
        return c.args().get(0) instanceof Call inner && FieldCompiler.TRANSFORMS.contains(inner.name())
                ? t.over(transform(inner, interval)) : t;
    }

    private static Transforms.Transform single(Call c, Interval interval) {
        long unit = switch (c.name()) {
            case "derivative", "non_negative_derivative" -> c.args().size() == 2
                    ? ((DurationLiteral) c.args().get(1)).nanos()
                    : interval != null ? interval.duration() : 1_000_000_000L;
            case "elapsed" -> c.args().size() == 2 ? ((DurationLiteral) c.args().get(1)).nanos() : 1L;
            default -> 0L;
        };
        if (c.name().startsWith("holt_winters")) {
            long horizon = ((IntegerLiteral) c.args().get(1)).value();
            if (horizon > MAX_HOLT_WINTERS_HORIZON) {
                throw new QueryException(c.name() + "() forecasting more than " + MAX_HOLT_WINTERS_HORIZON
                        + " points is not supported by Shardline");
            }
            long seasons = Math.min(((IntegerLiteral) c.args().get(2)).value(), Integer.MAX_VALUE);
            return new Transforms.Transform(c.name(), interval.duration(), (int) horizon, seasons, null);
        }
        if (c.args().size() > 1 && !c.name().equals("derivative") && !c.name().equals("non_negative_derivative")
                && !c.name().equals("elapsed")) {
            // moving_average's window; the period, hold period and warmup type of the technical analysis
            int n = (int) Math.min(((IntegerLiteral) c.args().get(1)).value(), Integer.MAX_VALUE);
            long hold = c.args().size() > 2 ? ((IntegerLiteral) c.args().get(2)).value() : -1;
            String warmup = c.args().size() > 3 ? ((StringLiteral) c.args().get(3)).value() : null;
            return new Transforms.Transform(c.name(), unit, n, hold, warmup);
        }
        return new Transforms.Transform(c.name(), unit, 0);
    }

    /**
     * 1.x reads buckets before the range (after it with ORDER BY time DESC) for transformations: the most any
     * transformed column reads ({@link Transforms#extensions}); each column drops what its own chain does not read.
     */
    private static TimeRange extendByIntervals(TimeRange range, Interval interval, boolean ascending, int count) {
        if (interval == null) {
            return range;
        }
        long by = interval.duration() * count;
        if (ascending) {
            return range.hasMin() ? new TimeRange(range.min() - by, range.max()) : range;
        }
        return range.hasMax() ? new TimeRange(range.min(), range.max() + by) : range;
    }

    /** Compiles the fields into {@code out} (time fields dropped) and returns the time column's name. */
    private static String compileFields(SelectStatement stmt, long now, boolean hasInterval, List<Field> out) {
        String timeColumn = "time";
        FieldCompiler fc = new FieldCompiler(hasInterval, stmt.limit());
        for (Field f : stmt.fields()) {
            if (f.expr() instanceof VarRef v && v.name().equals("time")) {
                if (f.hasAlias()) {
                    timeColumn = f.alias();
                }
                continue;
            }
            Field reduced = new Field(Reducer.reduce(f.expr(), now), f.alias());
            out.add(reduced);
            fc.compile(reduced.expr());
        }
        fc.validate(out.size(), stmt.fill());
        return timeColumn;
    }

    /**
     * The zone GROUP BY time buckets align to: null for UTC (no {@code tz()}, {@code tz('UTC')} or any zone that is
     * always at offset 0, which buckets exactly as UTC).
     */
    private static ZoneId zone(String location) {
        if (location == null) {
            return null;
        }
        ZoneId zone = ZoneId.of(location);
        if (zone.getRules().isFixedOffset() && zone.getRules().getOffset(java.time.Instant.EPOCH)
                .equals(ZoneOffset.UTC)) {
            return null;
        }
        return zone;
    }

    private static void validateCondition(Expr cond) {
        if (cond instanceof BinaryExpr b) {
            validateCondition(b.lhs());
            validateCondition(b.rhs());
        } else if (cond instanceof ParenExpr p) {
            validateCondition(p.expr());
        } else if (cond instanceof Call c) {
            throw new QueryException("invalid function call in condition: " + c);
        }
    }

    private static Field distinctToCall(Field f) {
        if (f.expr() instanceof io.shardline.query.ast.Distinct d) {
            return new Field(new Call("distinct", List.of(VarRef.of(d.name()))), f.alias());
        }
        return f;
    }

    private static void collect(Expr e, Map<String, AggregateCall> calls, List<VarRef> aux) {
        if (e instanceof Call c && MathFunctions.isMath(c.name())) {
            for (Expr a : c.args()) {
                collect(a, calls, aux);
            }
        } else if (e instanceof Call c) {
            AggregateCall call = CallResolver.resolve(c);
            calls.putIfAbsent(call.key(), call);
        } else if (e instanceof BinaryExpr b) {
            collect(b.lhs(), calls, aux);
            collect(b.rhs(), calls, aux);
        } else if (e instanceof ParenExpr p) {
            collect(p.expr(), calls, aux);
        } else if (e instanceof VarRef v && !aux.contains(v)) {
            aux.add(v);
        }
    }
}
