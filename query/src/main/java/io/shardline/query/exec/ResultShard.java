package io.shardline.query.exec;

import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import io.shardline.query.ast.Expr;
import io.shardline.query.plan.Interval;
import io.shardline.query.plan.MeasurementSchema;
import io.shardline.query.plan.SelectPlan;
import io.shardline.query.result.Series;
import io.shardline.query.spi.ShardReader;
import io.shardline.query.spi.RowConsumer;
import io.shardline.query.value.Timestamp;
import io.shardline.query.value.Utf8Order;
import io.shardline.query.value.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The result of subqueries seen as one shard: each result series is a series (its name the measurement, its
 * tags the tags), each row a point at the row's time with the other columns as fields (a column's type is that of
 * its first non-null value). Several rows of a series may share a time (an inner query over several series
 * without GROUP BY); {@link #scan} visits them all. Also remembers the order in which 1.x's outer raw query sees
 * the rows ({@link #rowsInOrder}). Built once, then read by one thread.
 */
final class ResultShard implements ShardReader {

    /**
     * One inner row with its place in 1.x's merge order: by window, then series, then arrival. {@code row} is the
     * inner result's row as it came ({@code columns} are its series' columns, shared by its rows; the one at
     * {@code timeColumn} is the time, not a value).
     */
    record Row(SeriesKey key, long time, List<String> columns, int timeColumn, List<Object> row, long window,
            String seriesOrder, long seq) {

        /** The value of column {@code name}: the last non-null one of that name, null when none. */
        Object value(String name) {
            Object out = null;
            for (int i = 0; i < columns.size(); i++) {
                if (i != timeColumn && row.get(i) != null && columns.get(i).equals(name)) {
                    out = row.get(i);
                }
            }
            return out;
        }
    }

    private static final Comparator<Row> ORDER = Comparator.comparingLong(Row::window)
            .thenComparing(Row::seriesOrder).thenComparingLong(Row::seq);

    private final Map<SeriesKey, List<Row>> series = new LinkedHashMap<>();
    private final Map<String, Map<String, FieldType>> types = new TreeMap<>(Utf8Order.COMPARATOR);
    private final Map<String, Set<String>> tagKeys = new HashMap<>();
    private long seq;
    private int seriesSeq;

    /**
     * Adds the result of one inner statement compiled as {@code innerPlan}: a raw inner query's rows merge by
     * time (ties by series key), an aggregate's by GROUP BY interval window, then series, then time.
     */
    void add(List<Series> result, SelectPlan innerPlan) {
        Interval interval = innerPlan.interval();
        for (Series s : result) {
            SeriesKey key = SeriesKey.of(s.name(), s.tags());
            String order = innerPlan.isRaw() ? key.toString() : String.format("%010d", seriesSeq++);
            List<Row> rows = series.computeIfAbsent(key, k -> new ArrayList<>());
            tagKeys.computeIfAbsent(s.name(), n -> new TreeSet<>()).addAll(s.tags().keySet());
            Map<String, FieldType> fieldTypes = types.computeIfAbsent(s.name(), n -> new HashMap<>());
            int timeColumn = s.columns().indexOf("time");
            QueryMemory.reserve(s.values().size(), QueryMemory.ROW + QueryMemory.VALUE * s.columns().size());
            int untyped = 0; // columns without a type yet: once all have one, rows need not be looked at
            for (int i = 0; i < s.columns().size(); i++) {
                untyped += i != timeColumn && !fieldTypes.containsKey(s.columns().get(i)) ? 1 : 0;
            }
            for (List<Object> row : s.values()) {
                long time = timeColumn >= 0 && row.get(timeColumn) instanceof Timestamp t ? t.nanos() : 0;
                for (int i = 0; untyped > 0 && i < row.size(); i++) {
                    Object v = row.get(i);
                    if (i != timeColumn && v != null && !fieldTypes.containsKey(s.columns().get(i))) {
                        fieldTypes.put(s.columns().get(i), Values.typeOf(v));
                        untyped--;
                    }
                }
                long window = innerPlan.isRaw() ? time : interval == null ? 0 : interval.bucketStart(time);
                rows.add(new Row(key, time, s.columns(), timeColumn, row, window, order, seq++));
            }
        }
    }

    /** The measurements with their fields and tag keys, for compiling the outer statement. */
    List<MeasurementSchema> schemas() {
        List<MeasurementSchema> out = new ArrayList<>();
        types.forEach((m, fields) -> out.add(new MeasurementSchema(m, fields, tagKeys.get(m))));
        return out;
    }

    /** Every row in the order 1.x's outer raw query reads them (reversed for descending). */
    List<Row> rowsInOrder(boolean ascending) {
        List<Row> out = new ArrayList<>();
        series.values().forEach(out::addAll);
        out.sort(ascending ? ORDER : ORDER.reversed());
        return out;
    }

    @Override
    public List<SeriesKey> series(String measurement, Expr tagPredicate) {
        List<SeriesKey> out = new ArrayList<>();
        for (SeriesKey k : series.keySet()) {
            if (k.measurement().equals(measurement) && TagPredicates.matches(tagPredicate, k)) {
                out.add(k);
            }
        }
        return out;
    }

    @Override
    public Map<String, FieldType> fieldTypes(String measurement) {
        return types.getOrDefault(measurement, Map.of());
    }

    @Override
    public void scan(SeriesKey key, List<String> fields, long minTime, long maxTime, RowConsumer consumer) {
        List<Row> rows = series.getOrDefault(key, List.of());
        if (!ascendingTime(rows)) { // rows of an aggregate come in time order: sort only when they do not
            rows = new ArrayList<>(rows);
            rows.sort(Comparator.comparingLong(Row::time).thenComparingLong(Row::seq));
        }
        Object[] values = new Object[fields.size()];
        for (Row r : rows) {
            if (r.time() < minTime || r.time() > maxTime) {
                continue;
            }
            for (int i = 0; i < values.length; i++) {
                values[i] = r.value(fields.get(i));
            }
            consumer.accept(r.time(), values);
        }
    }

    /** Whether {@code rows} (in arrival order) are already in (time, arrival) order. */
    private static boolean ascendingTime(List<Row> rows) {
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).time() < rows.get(i - 1).time()) {
                return false;
            }
        }
        return true;
    }
}
