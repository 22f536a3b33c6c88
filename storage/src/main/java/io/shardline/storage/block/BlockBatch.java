package io.shardline.storage.block;

import io.shardline.model.FieldType;
import io.shardline.storage.internal.Buckets;
import io.shardline.storage.internal.ByteSink;
import io.shardline.storage.internal.Column;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the values of one write (or patch) by (series id, bucket) and encodes each group as one
 * segment to append to that block. Two values of a group for the same field and timestamp are
 * resolved by {@link io.shardline.storage.internal.EntryOrder}, as everywhere else. Reusable and not
 * thread-safe: the store's writer holds one under its write lock.
 */
public final class BlockBatch {

    /** One (series, bucket) group. */
    public static final class Group {
        public final int seriesId;
        public final int bucket;
        Column[] columns = new Column[4];
        int count;

        Group(int seriesId, int bucket) {
            this.seriesId = seriesId;
            this.bucket = bucket;
        }

        Column column(int fieldId, FieldType type) {
            for (int i = 0; i < count; i++) {
                if (columns[i].fieldId == fieldId) {
                    return columns[i];
                }
            }
            if (count == columns.length) {
                columns = Arrays.copyOf(columns, count * 2);
            }
            Column c = new Column(8).reset(fieldId, null, type);
            columns[count++] = c;
            return c;
        }
    }

    private static final Comparator<Column> BY_FIELD = Comparator.comparingInt(c -> c.fieldId);

    private final Map<Long, Group> groups = new HashMap<>();
    private final List<Group> order = new ArrayList<>();
    private final ByteSink body = new ByteSink(4096);
    private final ByteSink col = new ByteSink(4096);
    private final ByteSink segment = new ByteSink(4096);
    private Group last;

    /** Adds one value. */
    public void add(int seriesId, int bucket, int fieldId, FieldType type, long ts, long version, long bits,
            String string) {
        group(seriesId, bucket).column(fieldId, type).add(ts, version, bits, string);
    }

    /**
     * Adds values {@code [0, count)} of one field of one series, timestamps ascending, every value with
     * {@code version}: copied bucket by bucket in runs ({@code strings} for strings, else {@code bits}).
     */
    public void addRun(int seriesId, int fieldId, FieldType type, long[] ts, long[] bits, String[] strings, int count,
            long version) {
        for (int i = 0; i < count; ) {
            int bucket = Buckets.index(ts[i]);
            long end = Buckets.end(bucket);
            int j = i + 1;
            while (j < count && ts[j] <= end) {
                j++;
            }
            group(seriesId, bucket).column(fieldId, type).addRange(ts, version, bits, strings, i, j);
            i = j;
        }
    }

    private Group group(int seriesId, int bucket) {
        Group g = last;
        if (g == null || g.seriesId != seriesId || g.bucket != bucket) {
            long key = ((long) seriesId << 32) | (bucket & 0xFFFFFFFFL);
            g = groups.get(key);
            if (g == null) {
                g = new Group(seriesId, bucket);
                groups.put(key, g);
                order.add(g);
            }
            last = g;
        }
        return g;
    }

    /** The groups in first-seen order. */
    public List<Group> groups() {
        return order;
    }

    public boolean isEmpty() {
        return order.isEmpty();
    }

    /** The encoded segment of {@code g} (a fresh array). */
    public byte[] encode(Group g, long bucketStart) {
        return encode(g, bucketStart, false);
    }

    /**
     * The encoded segment of {@code g} (a fresh array); {@code compact} writes the form a block rewrite
     * writes (columns by field id, Gorilla floats), for a group that is the whole block and that no
     * tombstone touches.
     */
    public byte[] encode(Group g, long bucketStart, boolean compact) {
        for (int i = 0; i < g.count; i++) {
            Column c = g.columns[i];
            if (!c.strictlyAscending()) {
                ColumnSort.sortResolve(c);
            }
        }
        if (compact) {
            Arrays.sort(g.columns, 0, g.count, BY_FIELD);
        }
        segment.reset();
        BlockCodec.writeSegment(segment, body, col, bucketStart, g.columns, g.count, compact);
        return segment.toByteArray();
    }

    /** Forgets everything. */
    public void clear() {
        groups.clear();
        order.clear();
        last = null;
    }
}
