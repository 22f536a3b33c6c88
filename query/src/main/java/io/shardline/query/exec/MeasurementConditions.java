package io.shardline.query.exec;

import io.shardline.query.QueryException;
import io.shardline.query.ast.BinaryExpr;
import io.shardline.query.ast.BooleanLiteral;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.IntegerLiteral;
import io.shardline.query.ast.Operator;
import io.shardline.query.ast.ParenExpr;
import io.shardline.query.ast.RegexLiteral;
import io.shardline.query.ast.StringLiteral;
import io.shardline.query.ast.VarRef;
import io.shardline.query.spi.SchemaReader;
import io.shardline.query.value.Utf8Order;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates the WHERE clause of {@code SHOW MEASUREMENTS} with 1.x's (inmem index) set semantics, which differ
 * from the per-series semantics of other statements: each comparison selects measurements, AND intersects and
 * OR unites them. {@code k = v} / {@code k =~ re} select the measurements with a series whose tag {@code k} exists
 * and matches; {@code k != v} / {@code k !~ re} those that have tag {@code k} but no series whose value matches
 * (a measurement without the tag is never selected). {@code _name} compares the measurement name, other names
 * starting with {@code _} select nothing. Only positive questions go to the {@link SchemaReader}, so answers
 * merged from several shards stay exact. Stateless.
 */
public final class MeasurementConditions {

    private MeasurementConditions() {
    }

    /** The measurements selected by {@code condition} (null = all), sorted. */
    public static Set<String> names(Expr condition, SchemaReader schema) {
        if (condition == null) {
            return sorted(schema.measurements());
        }
        if (condition instanceof ParenExpr p) {
            return names(p.expr(), schema);
        }
        if (!(condition instanceof BinaryExpr b)) {
            throw new QueryException(goSyntax(condition));
        }
        return switch (b.op()) {
            case AND, OR -> combine(b.op(), names(b.lhs(), schema), names(b.rhs(), schema));
            case EQ, NEQ, EQREGEX, NEQREGEX -> compare(b, schema);
            default -> throw new QueryException("invalid tag comparison operator");
        };
    }

    private static Set<String> combine(Operator op, Set<String> lhs, Set<String> rhs) {
        Set<String> out = sorted(lhs);
        if (op == Operator.OR) {
            out.addAll(rhs);
        } else {
            out.retainAll(rhs);
        }
        return out;
    }

    private static Set<String> compare(BinaryExpr b, SchemaReader schema) {
        if (!(b.lhs() instanceof VarRef tag)) {
            throw new QueryException("left side of '" + b.op().text() + "' must be a tag key");
        }
        if (b.op().isRegex() && !(b.rhs() instanceof RegexLiteral)) {
            throw new QueryException("right side of '" + b.op().text() + "' must be a regular expression");
        }
        if (!b.op().isRegex() && !(b.rhs() instanceof StringLiteral)) {
            throw new QueryException("right side of '" + b.op().text() + "' must be a tag value string");
        }
        boolean negated = b.op() == Operator.NEQ || b.op() == Operator.NEQREGEX;
        if (tag.name().equals("_name")) {
            Set<String> out = new TreeSet<>(Utf8Order.COMPARATOR);
            for (String m : schema.measurements()) {
                if (valueMatches(b.rhs(), m) != negated) {
                    out.add(m);
                }
            }
            return out;
        }
        if (tag.name().startsWith("_")) {
            return new TreeSet<>(Utf8Order.COMPARATOR);
        }
        VarRef key = VarRef.of(tag.name());
        Set<String> matching = positive(key, b.rhs(), schema);
        if (!negated) {
            return matching;
        }
        Set<String> out = sorted(schema.measurements(hasTag(key)));
        out.removeAll(matching);
        return out;
    }

    /** Measurements with a series whose tag {@code key} exists and matches {@code value}. */
    private static Set<String> positive(VarRef key, Expr value, SchemaReader schema) {
        if (value instanceof StringLiteral s) {
            return s.value().isEmpty() ? new TreeSet<>(Utf8Order.COMPARATOR)
                    : sorted(schema.measurements(new BinaryExpr(Operator.EQ, key, s)));
        }
        return sorted(schema.measurements(
                new BinaryExpr(Operator.AND, new BinaryExpr(Operator.EQREGEX, key, value), hasTag(key))));
    }

    /** Tag values are never empty, so {@code k != ''} holds exactly for the series that have tag {@code k}. */
    private static Expr hasTag(VarRef key) {
        return new BinaryExpr(Operator.NEQ, key, new StringLiteral(""));
    }

    private static boolean valueMatches(Expr value, String name) {
        return value instanceof RegexLiteral r ? r.matches(name) : ((StringLiteral) value).value().equals(name);
    }

    /** What 1.x's {@code %#v} prints for an expression it cannot use here (its error text). */
    private static String goSyntax(Expr e) {
        if (e instanceof VarRef v) {
            return "&influxql.VarRef{Val:" + quote(v.name()) + ", Type:" + v.type().ordinal() + "}";
        }
        if (e instanceof StringLiteral s) {
            return "&influxql.StringLiteral{Val:" + quote(s.value()) + "}";
        }
        if (e instanceof BooleanLiteral b) {
            return "&influxql.BooleanLiteral{Val:" + b.value() + "}";
        }
        if (e instanceof IntegerLiteral i) {
            return "&influxql.IntegerLiteral{Val:" + i.value() + "}";
        }
        return "unsupported condition in SHOW MEASUREMENTS: " + e;
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static Set<String> sorted(Set<String> names) {
        Set<String> out = new TreeSet<>(Utf8Order.COMPARATOR);
        out.addAll(names);
        return out;
    }
}
