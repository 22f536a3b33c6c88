package io.shardline.datanode.query;

import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import io.shardline.query.ast.Expr;
import io.shardline.query.exec.TagPredicates;
import io.shardline.query.spi.FieldBlocks;
import io.shardline.query.spi.RowConsumer;
import io.shardline.query.spi.RowVisitor;
import io.shardline.query.spi.ShardReader;
import io.shardline.query.value.Unsigned;
import io.shardline.storage.CloseableIterator;
import io.shardline.storage.FieldScanRequest;
import io.shardline.storage.FieldValue;
import io.shardline.storage.Row;
import io.shardline.storage.ScanRequest;
import io.shardline.storage.ShardStore;
import io.shardline.storage.TagPredicate;
import io.shardline.storage.TimeRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The query engine's view of one local shard ({@link ShardReader}) over its store: tag conditions go to the
 * index when they translate ({@link TagConditions}), rows come from {@code scan}, and aggregates read the
 * store's primitive field blocks (first()/last() only each series' first or last value). Scans stop when the
 * query is killed or times out ({@link QueryInterrupts}) and count what they read for {@code max-select-point}
 * ({@link ScannedPoints}).
 * One instance per shard and query; confined to the executing thread.
 */
public final class StoreShardReader implements ShardReader {

    /** Rows between two looks at whether the query was stopped. */
    private static final int CHECK_EVERY = 4096;

    private final ShardStore store;

    public StoreShardReader(ShardStore store) {
        this.store = store;
    }

    @Override
    public List<SeriesKey> series(String measurement, Expr tagPredicate) {
        Optional<TagPredicate> indexed = TagConditions.toPredicate(tagPredicate);
        if (indexed.isPresent()) {
            return store.series(measurement, indexed.get());
        }
        List<SeriesKey> out = new ArrayList<>();
        for (SeriesKey k : store.series(measurement, TagPredicate.all())) {
            if (TagPredicates.matches(tagPredicate, k)) {
                out.add(k);
            }
        }
        return out;
    }

    @Override
    public Map<String, FieldType> fieldTypes(String measurement) {
        return store.fieldTypes(measurement);
    }

    @Override
    public void scan(SeriesKey series, List<String> fields, long minTime, long maxTime, RowConsumer consumer) {
        scan(series, fields, minTime, maxTime, false, (time, values) -> {
            consumer.accept(time, values);
            return true;
        });
    }

    @Override
    public void scan(SeriesKey series, List<String> fields, long minTime, long maxTime, boolean descending,
            RowVisitor visitor) {
        if (minTime > maxTime || fields.isEmpty()) {
            return;
        }
        ScanRequest request = new ScanRequest(series.measurement(), List.of(series), fields,
                TimeRange.of(minTime, maxTime), descending);
        Object[] values = new Object[fields.size()];
        QueryInterrupts.check();
        ScannedPoints counted = ScannedPoints.current();
        int sinceCheck = 0;
        try (CloseableIterator<Row> rows = store.scan(request)) {
            while (rows.hasNext()) {
                if (++sinceCheck == CHECK_EVERY) {
                    count(counted, sinceCheck);
                    sinceCheck = 0;
                    QueryInterrupts.check(); // a killed or timed-out query stops scanning here
                }
                Row row = rows.next();
                for (int i = 0; i < values.length; i++) {
                    values[i] = value(row.value(i));
                }
                if (!visitor.visit(row.timestamp(), values)) {
                    return;
                }
            }
        } finally {
            count(counted, sinceCheck);
        }
    }

    private static void count(ScannedPoints counted, int rows) {
        if (counted != null && rows > 0) {
            counted.add(rows);
        }
    }

    static Object value(FieldValue v) {
        if (v == null) {
            return null;
        }
        return switch (v.type()) {
            case FLOAT -> Double.longBitsToDouble(v.bits());
            case INTEGER -> v.bits();
            case UNSIGNED -> new Unsigned(v.bits());
            case BOOLEAN -> v.bits() != 0;
            case STRING -> v.string();
        };
    }

    @Override
    public FieldBlocks fieldBlocks(List<SeriesKey> series, String field, long minTime, long maxTime) {
        return blocks(series, field, minTime, maxTime, FieldScanRequest.Pick.ALL);
    }

    @Override
    public FieldBlocks endBlocks(List<SeriesKey> series, String field, long minTime, long maxTime, boolean newest) {
        return blocks(series, field, minTime, maxTime, newest ? FieldScanRequest.Pick.LAST : FieldScanRequest.Pick.FIRST);
    }

    private FieldBlocks blocks(List<SeriesKey> series, String field, long minTime, long maxTime,
            FieldScanRequest.Pick pick) {
        if (series.isEmpty() || minTime > maxTime) {
            return ShardReader.super.fieldBlocks(List.of(), field, minTime, maxTime);
        }
        QueryInterrupts.check();
        return new StoreFieldBlocks(ScannedPoints.current(), store.scanField(new FieldScanRequest(
                series.get(0).measurement(), series, field, TimeRange.of(minTime, maxTime), pick)));
    }
}
