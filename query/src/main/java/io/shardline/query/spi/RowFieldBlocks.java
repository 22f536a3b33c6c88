package io.shardline.query.spi;

import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import io.shardline.query.value.Unsigned;
import io.shardline.query.value.Values;
import java.util.List;

/**
 * {@link FieldBlocks} over a reader without a columnar path: one block per series, built from its row scan.
 * Confined to one thread.
 */
final class RowFieldBlocks implements FieldBlocks {

    private final ShardReader reader;
    private final List<SeriesKey> series;
    private final List<String> fields;
    private final long minTime;
    private final long maxTime;
    private int next;
    private SeriesKey current;
    private FieldType type;
    private int size;
    private long[] times = new long[16];
    private double[] floats = new double[16];
    private long[] longs = new long[16];
    private String[] strings = new String[16];

    RowFieldBlocks(ShardReader reader, List<SeriesKey> series, String field, long minTime, long maxTime) {
        this.reader = reader;
        this.series = series;
        this.fields = List.of(field);
        this.minTime = minTime;
        this.maxTime = maxTime;
    }

    @Override
    public boolean next() {
        while (next < series.size()) {
            current = series.get(next++);
            size = 0;
            type = null;
            reader.scan(current, fields, minTime, maxTime, (time, values) -> append(time, values[0]));
            if (size > 0) {
                return true;
            }
        }
        return false;
    }

    private void append(long time, Object v) {
        if (v == null) {
            return;
        }
        if (size == times.length) {
            int n = size * 2;
            times = java.util.Arrays.copyOf(times, n);
            floats = java.util.Arrays.copyOf(floats, n);
            longs = java.util.Arrays.copyOf(longs, n);
            strings = java.util.Arrays.copyOf(strings, n);
        }
        type = Values.typeOf(v);
        times[size] = time;
        switch (type) {
            case FLOAT -> floats[size] = (Double) v;
            case INTEGER -> longs[size] = (Long) v;
            case UNSIGNED -> longs[size] = ((Unsigned) v).bits();
            case BOOLEAN -> longs[size] = (Boolean) v ? 1 : 0;
            case STRING -> strings[size] = (String) v;
        }
        size++;
    }

    @Override
    public SeriesKey series() {
        return current;
    }

    @Override
    public FieldType type() {
        return type;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public long[] timestamps() {
        return times;
    }

    @Override
    public double[] floats() {
        return floats;
    }

    @Override
    public long[] longs() {
        return longs;
    }

    @Override
    public String[] strings() {
        return strings;
    }

    @Override
    public void close() {
    }
}
