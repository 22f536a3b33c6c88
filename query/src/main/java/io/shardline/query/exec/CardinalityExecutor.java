package io.shardline.query.exec;

import io.shardline.model.SeriesKey;
import io.shardline.query.QueryException;
import io.shardline.query.ast.Call;
import io.shardline.query.ast.Dimension;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.RegexLiteral;
import io.shardline.query.ast.ShowCardinalityStatement;
import io.shardline.query.ast.ShowCardinalityStatement.Kind;
import io.shardline.query.ast.VarRef;
import io.shardline.query.ast.Wildcard;
import io.shardline.query.eval.TimeCondition;
import io.shardline.query.eval.TimeRange;
import io.shardline.query.plan.SourceResolver;
import io.shardline.query.result.Series;
import io.shardline.query.spi.SchemaReader;
import io.shardline.query.value.Utf8Order;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Answers {@code SHOW ... [EXACT] CARDINALITY} with 1.x's result shapes. 1.x answers SERIES and MEASUREMENT without
 * clauses from a sketch ({@code "cardinality estimation"}, one unnamed row); every other form is rewritten by 1.x
 * into {@code SELECT count(distinct(...))} over its system iterators, giving one series per measurement (none
 * for MEASUREMENT) and GROUP BY tag set with a single {@code count} row. Conditions are evaluated per series on
 * its tags; SERIES counts a series once per shard that holds it (as 1.x does). Stateless.
 */
public final class CardinalityExecutor {

    private static final List<String> COUNT = List.of("count");

    private CardinalityExecutor() {
    }

    /** The answer of {@code s} over {@code schema}; {@code now} (ns) is the query's {@code now()}. */
    public static List<Series> execute(ShowCardinalityStatement s, SchemaReader schema, long now) {
        if (s.isEstimate()) {
            return estimate(s.kind(), schema);
        }
        if (readsNothing(s, now)) {
            return List.of();
        }
        Expr cond = TimeCondition.extract(s.condition(), now).condition();
        List<String> names = s.sources().isEmpty() ? sorted(schema.measurements())
                : SourceResolver.resolve(s.sources(), schema.measurements());
        List<String> dims = dimensionKeys(s.dimensions(), names, schema);
        Map<String, Map<List<String>, Set<String>>> distinct = new TreeMap<>(Utf8Order.COMPARATOR);
        Map<String, Map<List<String>, Long>> counts = new TreeMap<>(Utf8Order.COMPARATOR);
        for (String m : names) {
            if (s.kind() == Kind.SERIES) {
                for (List<SeriesKey> shard : schema.seriesPerShard(m, cond)) {
                    for (SeriesKey k : shard) {
                        counts.computeIfAbsent(m, x -> groups()).merge(group(k, dims), 1L, Long::sum);
                    }
                }
                continue;
            }
            String name = s.kind() == Kind.MEASUREMENT ? "" : m;
            Set<String> fields = s.kind() == Kind.FIELD_KEY ? schema.fieldTypes(m).keySet() : Set.of();
            for (SeriesKey k : schema.series(m, cond)) {
                Set<String> set = distinct.computeIfAbsent(name, x -> groups())
                        .computeIfAbsent(group(k, dims), x -> new TreeSet<>(Utf8Order.COMPARATOR));
                switch (s.kind()) {
                    case MEASUREMENT -> set.add(m);
                    case TAG_KEY -> set.addAll(k.tags().keySet());
                    case FIELD_KEY -> set.addAll(fields);
                    default -> k.tags().forEach((key, value) -> {
                        if (ShowExecutor.keyMatches(s.op(), s.tagKeyExpr(), key)) {
                            set.add(value);
                        }
                    });
                }
            }
        }
        distinct.forEach((name, byGroup) -> byGroup.forEach((g, set) ->
                counts.computeIfAbsent(name, x -> groups()).put(g, (long) set.size())));
        return s.offset() > 0 ? List.of() : rows(counts, dims);
    }

    /**
     * Whether the time bounds leave nothing to read; errors where 1.x rejects time. TAG VALUES accepts time, but
     * 1.x's system iterator then yields rows only when the range has no upper bound and a lower bound at or
     * below 0.
     */
    private static boolean readsNothing(ShowCardinalityStatement s, long now) {
        if (!TimeCondition.mentionsTime(s.condition())) {
            return false;
        }
        if (s.kind() != Kind.TAG_VALUES) {
            String what = s.kind() == Kind.FIELD_KEY ? "SHOW FIELD KEY CARDINALITY"
                    : "SHOW " + s.kind().words() + " EXACT CARDINALITY";
            throw new QueryException(what + " doesn't support time in WHERE clause");
        }
        TimeRange range = TimeCondition.extract(s.condition(), now).range();
        return range.hasMax() || (range.hasMin() && range.min() > 0);
    }

    private static List<Series> estimate(Kind kind, SchemaReader schema) {
        long n;
        if (kind == Kind.MEASUREMENT) {
            n = schema.measurements().size();
        } else {
            n = 0;
            for (String m : schema.measurements()) {
                n += schema.series(m, null).size();
            }
        }
        return estimate(n);
    }

    /** The one-row answer of a sketch estimate of {@code n}. */
    public static List<Series> estimate(long n) {
        return List.of(Series.of("", Map.of(), List.of("cardinality estimation"), List.of(List.of(n))));
    }

    /** The tag keys of GROUP BY: names, and {@code *} or regexes expanded over all queried measurements. */
    private static List<String> dimensionKeys(List<Dimension> dimensions, List<String> names, SchemaReader schema) {
        Set<String> keys = new TreeSet<>(Utf8Order.COMPARATOR);
        Set<String> all = null;
        for (Dimension d : dimensions) {
            Expr e = d.expr();
            if (e instanceof VarRef v) {
                keys.add(v.name());
            } else if (e instanceof Wildcard || e instanceof RegexLiteral) {
                if (all == null) {
                    all = new TreeSet<>(Utf8Order.COMPARATOR);
                    for (String m : names) {
                        all.addAll(schema.tagKeys(m, null));
                    }
                }
                for (String k : all) {
                    if (e instanceof Wildcard || ((RegexLiteral) e).matches(k)) {
                        keys.add(k);
                    }
                }
            } else if (e instanceof Call c && c.name().equals("time")) {
                throw new QueryException("GROUP BY time() in SHOW ... CARDINALITY is not supported by Shardline");
            } else {
                throw new QueryException("only time and tag dimensions allowed");
            }
        }
        return new ArrayList<>(keys);
    }

    private static List<String> group(SeriesKey k, List<String> dims) {
        List<String> out = new ArrayList<>(dims.size());
        for (String d : dims) {
            String v = k.tag(d);
            out.add(v == null ? "" : v);
        }
        return out;
    }

    private static <V> Map<List<String>, V> groups() {
        return new TreeMap<>(CardinalityExecutor::compareGroups);
    }

    private static int compareGroups(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = Utf8Order.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static List<Series> rows(Map<String, Map<List<String>, Long>> counts, List<String> dims) {
        List<Series> out = new ArrayList<>();
        counts.forEach((name, byGroup) -> byGroup.forEach((g, n) -> {
            if (n > 0) {
                Map<String, String> tags = new LinkedHashMap<>();
                for (int i = 0; i < dims.size(); i++) {
                    tags.put(dims.get(i), g.get(i));
                }
                out.add(Series.of(name, tags, COUNT, List.of(List.of(n))));
            }
        }));
        return out;
    }

    private static List<String> sorted(Set<String> names) {
        List<String> out = new ArrayList<>(names);
        out.sort(Utf8Order.COMPARATOR);
        return out;
    }
}
