package io.shardline.query.plan;

import io.shardline.model.FieldType;
import io.shardline.query.QueryException;
import io.shardline.query.ast.Call;
import io.shardline.query.ast.DataType;
import io.shardline.query.ast.Dimension;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.Field;
import io.shardline.query.ast.RegexLiteral;
import io.shardline.query.ast.VarRef;
import io.shardline.query.ast.Wildcard;
import io.shardline.query.value.Utf8Order;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * 1.x's {@code RewriteFields}: expands {@code *}, {@code *::field}, {@code *::tag}, {@code /re/} in SELECT and
 * in calls ({@code mean(*)} becomes {@code mean(a) AS mean_a, ...} for the types the function accepts), and
 * {@code GROUP BY *}/{@code /re/}. Fields and tags are merged and sorted by name; tags already in GROUP BY are
 * left out. Stateless.
 */
public final class WildcardExpander {

    /** The expanded fields and dimensions. */
    public record Result(List<Field> fields, List<Dimension> dimensions) {
    }

    private WildcardExpander() {
    }

    /** Expands wildcards against the union of the measurements' schemas. */
    public static Result expand(List<Field> fields, List<Dimension> dimensions, List<MeasurementSchema> schemas) {
        Map<String, DataType> fieldSet = new HashMap<>();
        Set<String> tagSet = new TreeSet<>(Utf8Order.COMPARATOR);
        for (MeasurementSchema s : schemas) {
            s.fields().forEach((k, t) -> fieldSet.merge(k, DataType.of(t), WildcardExpander::higher));
            tagSet.addAll(s.tagKeys());
        }
        boolean dimensionWildcard = dimensions.stream()
                .anyMatch(d -> d.expr() instanceof Wildcard || d.expr() instanceof RegexLiteral);
        if (!dimensionWildcard) {
            for (Dimension d : dimensions) {
                if (d.expr() instanceof VarRef v) {
                    tagSet.remove(v.name());
                }
            }
        }
        List<VarRef> refs = sortedRefs(fieldSet, dimensionWildcard ? Set.of() : tagSet);
        List<Field> outFields = new ArrayList<>();
        for (Field f : fields) {
            expandField(f, refs, outFields);
        }
        List<Dimension> outDims = new ArrayList<>();
        for (Dimension d : dimensions) {
            if (d.expr() instanceof Wildcard) {
                tagSet.forEach(k -> outDims.add(new Dimension(VarRef.of(k))));
            } else if (d.expr() instanceof RegexLiteral re) {
                tagSet.stream().filter(re::matches).forEach(k -> outDims.add(new Dimension(VarRef.of(k))));
            } else {
                outDims.add(d);
            }
        }
        return new Result(outFields, outDims);
    }

    /** Fields and (unless GROUP BY has a wildcard) tags, sorted by name; nothing when there are no fields. */
    private static List<VarRef> sortedRefs(Map<String, DataType> fieldSet, Set<String> tags) {
        List<VarRef> refs = new ArrayList<>();
        if (fieldSet.isEmpty()) {
            return refs;
        }
        fieldSet.forEach((k, t) -> refs.add(new VarRef(k, t)));
        tags.forEach(k -> refs.add(new VarRef(k, DataType.TAG)));
        refs.sort((a, b) -> {
            int c = Utf8Order.compare(a.name(), b.name());
            return c != 0 ? c : Integer.compare(a.type().ordinal(), b.type().ordinal());
        });
        return refs;
    }

    /** 1.x's type precedence when measurements disagree: float over integer over unsigned over string... */
    private static DataType higher(DataType a, DataType b) {
        return TypeCheck.lessThan(a, b) ? b : a;
    }

    private static void expandField(Field f, List<VarRef> refs, List<Field> out) {
        Expr e = f.expr();
        if (e instanceof Wildcard w) {
            for (VarRef r : refs) {
                boolean isTag = r.type() == DataType.TAG;
                if ((w.type() == DataType.FIELD && isTag) || (w.type() == DataType.TAG && !isTag)) {
                    continue;
                }
                out.add(Field.of(r));
            }
        } else if (e instanceof RegexLiteral re) {
            for (VarRef r : refs) {
                if (re.matches(r.name())) {
                    out.add(Field.of(r));
                }
            }
        } else if (e instanceof Call c) {
            expandCall(f, c, refs, out);
        } else {
            out.add(f);
        }
    }

    private static void expandCall(Field f, Call template, List<VarRef> refs, List<Field> out) {
        Call inner = template;
        while (!inner.args().isEmpty() && inner.args().get(0) instanceof Call next) {
            inner = next;
        }
        if (inner.args().isEmpty()) {
            out.add(f);
            return;
        }
        Expr arg = inner.args().get(0);
        RegexLiteral re = null;
        if (arg instanceof Wildcard w) {
            if (w.type() == DataType.TAG) {
                throw new QueryException("unable to use tag wildcard in " + inner.name() + "()");
            }
        } else if (arg instanceof RegexLiteral r) {
            re = r;
        } else {
            out.add(f);
            return;
        }
        Set<FieldType> supported = supportedTypes(inner.name());
        String base = ColumnNamer.name(f);
        for (VarRef r : refs) {
            if (r.type() == DataType.TAG || !supported.contains(fieldType(r.type()))
                    || (re != null && !re.matches(r.name()))) {
                continue;
            }
            out.add(new Field(replaceInnermost(template, r), base + "_" + r.name()));
        }
    }

    private static Set<FieldType> supportedTypes(String name) {
        Set<FieldType> s = EnumSet.of(FieldType.FLOAT, FieldType.INTEGER, FieldType.UNSIGNED);
        switch (name) {
            case "count", "first", "last", "distinct", "elapsed", "mode", "sample" -> {
                s.add(FieldType.STRING);
                s.add(FieldType.BOOLEAN);
            }
            case "min", "max" -> s.add(FieldType.BOOLEAN);
            default -> { }
        }
        return s;
    }

    private static FieldType fieldType(DataType t) {
        return switch (t) {
            case FLOAT -> FieldType.FLOAT;
            case INTEGER -> FieldType.INTEGER;
            case UNSIGNED -> FieldType.UNSIGNED;
            case STRING -> FieldType.STRING;
            case BOOLEAN -> FieldType.BOOLEAN;
            default -> null;
        };
    }

    private static Call replaceInnermost(Call c, VarRef ref) {
        List<Expr> args = new ArrayList<>(c.args());
        args.set(0, args.get(0) instanceof Call inner ? replaceInnermost(inner, ref) : ref);
        return new Call(c.name(), args);
    }
}
