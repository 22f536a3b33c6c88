package io.shardline.query.exec;

import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import io.shardline.query.QueryException;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.ListLiteral;
import io.shardline.query.ast.Measurement;
import io.shardline.query.ast.Operator;
import io.shardline.query.ast.RegexLiteral;
import io.shardline.query.ast.ShowFieldKeysStatement;
import io.shardline.query.ast.ShowMeasurementsStatement;
import io.shardline.query.ast.ShowSeriesStatement;
import io.shardline.query.ast.ShowTagKeysStatement;
import io.shardline.query.ast.ShowTagValuesStatement;
import io.shardline.query.ast.StringLiteral;
import io.shardline.query.eval.TimeCondition;
import io.shardline.query.plan.SourceResolver;
import io.shardline.query.result.MetaResults;
import io.shardline.query.result.Series;
import io.shardline.query.spi.SchemaReader;
import io.shardline.query.value.Utf8Order;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Answers the schema SHOW statements from a {@link SchemaReader} with 1.x's result shapes. WHERE conditions are
 * evaluated on the tags of each series (time bounds are ignored, except SHOW MEASUREMENTS which rejects them
 * as 1.x does). Empty answers have no series. Stateless.
 */
public final class ShowExecutor {

    private ShowExecutor() {
    }

    /** {@code SHOW MEASUREMENTS}. */
    public static List<Series> measurements(ShowMeasurementsStatement s, SchemaReader schema) {
        if (TimeCondition.mentionsTime(s.condition())) {
            throw new QueryException("SHOW MEASUREMENTS doesn't support time in WHERE clause");
        }
        Set<String> existing = MeasurementConditions.names(s.condition(), schema);
        List<String> out = s.source() == null ? sorted(existing)
                : SourceResolver.resolve(List.of(s.source()), existing);
        out = Paging.page(out, s.limit(), s.offset());
        return out.isEmpty() ? List.of() : List.of(MetaResults.measurements(out));
    }

    /** {@code SHOW SERIES}: the series keys, sorted. */
    public static List<Series> series(ShowSeriesStatement s, SchemaReader schema) {
        Expr cond = TimeCondition.extract(s.condition(), 0).condition();
        Set<String> keys = new TreeSet<>(Utf8Order.COMPARATOR);
        for (String m : seriesMeasurements(s.sources(), schema)) {
            for (SeriesKey k : schema.series(m, cond)) {
                keys.add(k.toString());
            }
        }
        List<String> out = Paging.page(new ArrayList<>(keys), s.limit(), s.offset());
        return out.isEmpty() ? List.of() : List.of(MetaResults.seriesKeys(out));
    }

    /** {@code SHOW TAG KEYS}: one series per measurement; LIMIT/OFFSET page the keys of each. */
    public static List<Series> tagKeys(ShowTagKeysStatement s, SchemaReader schema) {
        Expr cond = TimeCondition.extract(s.condition(), 0).condition();
        List<Series> out = new ArrayList<>();
        for (String m : seriesMeasurements(s.sources(), schema)) {
            Set<String> keys = new TreeSet<>(Utf8Order.COMPARATOR);
            keys.addAll(schema.tagKeys(m, cond));
            List<String> page = Paging.page(new ArrayList<>(keys), s.limit(), s.offset());
            if (!page.isEmpty()) {
                out.add(MetaResults.tagKeys(m, page));
            }
        }
        return out; // 1.6 ignores SLIMIT and SOFFSET here
    }

    /** {@code SHOW TAG VALUES ... WITH KEY ...}: one series per measurement, pairs sorted by key and value. */
    public static List<Series> tagValues(ShowTagValuesStatement s, SchemaReader schema) {
        Expr cond = TimeCondition.extract(s.condition(), 0).condition();
        List<Series> out = new ArrayList<>();
        List<String> named = namedKeys(s.op(), s.tagKeyExpr());
        for (String m : seriesMeasurements(s.sources(), schema)) {
            List<String> keys = named;
            if (keys == null) {
                keys = new ArrayList<>();
                for (String k : schema.tagKeys(m, cond)) {
                    if (keyMatches(s.op(), s.tagKeyExpr(), k)) {
                        keys.add(k);
                    }
                }
            }
            Map<String, Set<String>> values = new TreeMap<>(Utf8Order.COMPARATOR);
            if (!keys.isEmpty()) {
                schema.tagValues(m, keys, cond).forEach((k, vs) -> {
                    Set<String> sortedValues = new TreeSet<>(Utf8Order.COMPARATOR);
                    sortedValues.addAll(vs);
                    values.put(k, sortedValues);
                });
            }
            List<Map.Entry<String, String>> pairs = new ArrayList<>();
            values.forEach((k, vs) -> vs.forEach(v -> pairs.add(new AbstractMap.SimpleImmutableEntry<>(k, v))));
            List<Map.Entry<String, String>> page = Paging.page(pairs, s.limit(), s.offset());
            if (!page.isEmpty()) {
                out.add(MetaResults.tagValues(m, page));
            }
        }
        return out;
    }

    /**
     * The keys {@code WITH KEY = k} or {@code WITH KEY IN (...)} name, or null when the operator selects by
     * exclusion or pattern. Named keys need no tag-key question first (one schema round trip to every owner
     * less): asking for the values of a key no series has gives nothing, as filtering the keys would.
     */
    static List<String> namedKeys(Operator op, Expr e) {
        return switch (op) {
            case EQ -> List.of(((StringLiteral) e).value());
            case IN -> ((ListLiteral) e).values().stream().distinct().toList();
            default -> null;
        };
    }

    /** Whether tag {@code key} is selected by {@code WITH KEY <op> <e>}. */
    static boolean keyMatches(Operator op, Expr e, String key) {
        return switch (op) {
            case EQ -> key.equals(((StringLiteral) e).value());
            case NEQ -> !key.equals(((StringLiteral) e).value());
            case EQREGEX -> ((RegexLiteral) e).matches(key);
            case NEQREGEX -> !((RegexLiteral) e).matches(key);
            case IN -> ((ListLiteral) e).values().contains(key);
            default -> false;
        };
    }

    /** {@code SHOW FIELD KEYS}: one series per measurement with field names and types. */
    public static List<Series> fieldKeys(ShowFieldKeysStatement s, SchemaReader schema) {
        List<Series> out = new ArrayList<>();
        for (String m : measurements(s.sources(), schema)) {
            Map<String, FieldType> types = new TreeMap<>(Utf8Order.COMPARATOR);
            types.putAll(schema.fieldTypes(m));
            List<Map.Entry<String, String>> rows = new ArrayList<>();
            types.forEach((k, t) -> rows.add(new AbstractMap.SimpleImmutableEntry<>(k, t.influxName())));
            List<Map.Entry<String, String>> page = Paging.page(rows, s.limit(), s.offset());
            if (!page.isEmpty()) {
                out.add(MetaResults.fieldKeys(m, page));
            }
        }
        return out;
    }

    /**
     * The measurements a statement about series (SHOW SERIES, TAG KEYS, TAG VALUES) reads. Sources that only name
     * measurements are taken as named, sorted and without duplicates, without asking which exist: a measurement
     * without live series has no series, tag keys or tag values to show, so the answer is the same and every owner
     * is asked one schema question less (a short SHOW TAG VALUES FROM m spent about a third of its time on it).
     * No source or a regex one: the existing measurements, as {@link #measurements} resolves them.
     */
    private static List<String> seriesMeasurements(List<Measurement> sources, SchemaReader schema) {
        if (sources.isEmpty() || sources.stream().anyMatch(Measurement::isRegex)) {
            return measurements(sources, schema);
        }
        Set<String> named = new TreeSet<>(Utf8Order.COMPARATOR);
        for (Measurement m : sources) {
            named.add(m.name());
        }
        return new ArrayList<>(named);
    }

    private static List<String> measurements(List<Measurement> sources, SchemaReader schema) {
        return sources.isEmpty() ? sorted(schema.measurements())
                : SourceResolver.resolve(sources, schema.measurements());
    }

    private static List<String> sorted(Set<String> names) {
        List<String> out = new ArrayList<>(names);
        out.sort(Utf8Order.COMPARATOR);
        return out;
    }
}
