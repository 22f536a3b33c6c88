package io.shardline.storage.block;

import io.shardline.model.FieldType;
import io.shardline.storage.internal.Buckets;
import io.shardline.storage.internal.ByteSink;
import io.shardline.storage.internal.Column;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the values of one write (or patch) by (series id, bucket) and encodes each group as one
 * segment to append to that block. Two values of a group for the same field and timestamp are
 * resolved by {@link io.shardline.storage.internal.EntryOrder}, as everywhere else. Reusable and not
 * thread-safe: the store's writer holds one under its write lock.
 *
 * <p>Values are kept in flat parallel arrays, chained per group, and turned into columns only while
 * their group is encoded (into columns reused from group to group): a write creating thousands of
 * series costs one small object per group instead of a column set per group. A link of the chain is
 * one value of a write or a whole run of one field ({@link #addRun}: a bulk load's values arrive so),
 * stored and gathered into its column with one array copy each instead of value by value. The arrays
 * are kept for the next write up to {@link #RETAINED_VALUES} values.
 */
public final class BlockBatch {

    /** Values whose arrays are kept between writes (about 3 MB); a larger write's arrays are dropped. */
    static final int RETAINED_VALUES = 1 << 16;
    private static final int INITIAL_VALUES = 1 << 10;

    /** One (series, bucket) group: its values are a chain in the batch's arrays. */
    public static final class Group {
        public final int seriesId;
        public final int bucket;
        int first;
        int last;
        boolean oneRow = true;

        Group(int seriesId, int bucket, int first) {
            this.seriesId = seriesId;
            this.bucket = bucket;
            this.first = first;
            this.last = first;
        }

        /** Whether every value of the group has the same timestamp. */
        public boolean oneRow() {
            return oneRow;
        }
    }

    private static final Comparator<Column> BY_FIELD = Comparator.comparingInt(c -> c.fieldId);

    private final List<Group> order = new ArrayList<>();
    private final GroupTable table = new GroupTable();
    private final ByteSink body = new ByteSink(4096);
    private final ByteSink col = new ByteSink(4096);
    private final ByteSink segment = new ByteSink(4096);
    private Column[] scratch = new Column[4];
    private int size;
    /** At a link of a group's chain: the next link, -1 at its end. */
    private int[] next;
    /** At a link: how many values it holds, all of its field (type) from the link on; others are not read. */
    private int[] lengths;
    private int[] fieldIds;
    private FieldType[] types;
    private long[] ts;
    private long[] versions;
    private long[] bits;
    private String[] strings;
    private boolean hasStrings;
    private Group last;
    private final int retainedValues;

    public BlockBatch() {
        this(RETAINED_VALUES);
    }

    /**
     * A batch that keeps its arrays between uses up to {@code retainedValues} values (a bulk load's
     * parts are far larger than a write, and would otherwise grow the arrays again for every part).
     */
    public BlockBatch(int retainedValues) {
        this.retainedValues = Math.max(INITIAL_VALUES, retainedValues);
        allocate(INITIAL_VALUES);
    }

    /** Adds one value. */
    public void add(int seriesId, int bucket, int fieldId, FieldType type, long t, long version, long valueBits,
            String string) {
        if (size == ts.length) {
            grow();
        }
        int i = size++;
        next[i] = -1;
        lengths[i] = 1;
        fieldIds[i] = fieldId;
        types[i] = type;
        ts[i] = t;
        versions[i] = version;
        bits[i] = valueBits;
        if (string != null) {
            strings[i] = string;
            hasStrings = true;
        }
        Group g = link(seriesId, bucket, i, true);
        if (g != null) {
            g.oneRow &= t == ts[g.first];
        }
    }

    /**
     * Adds values {@code [0, count)} of one field of one series, timestamps ascending, every value with
     * {@code version} ({@code strings} for strings, else {@code bits}).
     */
    public void addRun(int seriesId, int fieldId, FieldType type, long[] times, long[] valueBits, String[] valueStrings,
            int count, long version) {
        for (int from = 0, to; from < count; from = to) {
            int bucket = Buckets.index(times[from]);
            to = from + 1;
            while (to < count && Buckets.index(times[to]) == bucket) {
                to++;
            }
            addLink(seriesId, bucket, fieldId, type, times, valueBits, valueStrings, from, to - from, version);
        }
    }

    /** Adds values {@code [from, from + n)} of a run, all in {@code bucket}, as one link of its group's chain. */
    private void addLink(int seriesId, int bucket, int fieldId, FieldType type, long[] times, long[] valueBits,
            String[] valueStrings, int from, int n, long version) {
        while (size + n > ts.length) {
            grow();
        }
        int i = size;
        size += n;
        next[i] = -1;
        lengths[i] = n;
        fieldIds[i] = fieldId;
        types[i] = type;
        System.arraycopy(times, from, ts, i, n);
        Arrays.fill(versions, i, i + n, version);
        if (type == FieldType.STRING) {
            System.arraycopy(valueStrings, from, strings, i, n);
            Arrays.fill(bits, i, i + n, 0); // as add stores a string's bits
            hasStrings = true;
        } else {
            System.arraycopy(valueBits, from, bits, i, n);
        }
        boolean oneTime = times[from] == times[from + n - 1]; // ascending: all equal
        Group g = link(seriesId, bucket, i, oneTime);
        if (g != null) {
            g.oneRow &= oneTime && times[from] == ts[g.first];
        }
    }

    /**
     * Appends link {@code i} to the chain of group (seriesId, bucket) and returns the group, or creates
     * the group with {@code i} as its first link (its {@link Group#oneRow} set to {@code oneRow}) and
     * returns null.
     */
    private Group link(int seriesId, int bucket, int i, boolean oneRow) {
        Group g = last;
        if (g == null || g.seriesId != seriesId || g.bucket != bucket) {
            g = table.get(seriesId, bucket);
            if (g == null) {
                g = new Group(seriesId, bucket, i);
                g.oneRow = oneRow;
                table.put(g);
                order.add(g);
                last = g;
                return null;
            }
            last = g;
        }
        next[g.last] = i;
        g.last = i;
        return g;
    }

    /** The groups in first-seen order. */
    public List<Group> groups() {
        return order;
    }

    public boolean isEmpty() {
        return order.isEmpty();
    }

    /** The encoded segment of {@code g} (a fresh array): its fields in first-seen order. */
    public byte[] encode(Group g, long bucketStart) {
        return encode(g, bucketStart, false);
    }

    /**
     * The encoded segment of {@code g} (a fresh array); {@code compact} writes the form a block rewrite
     * writes (columns by field id, Gorilla floats), for a group that is the whole block and that no
     * tombstone touches.
     */
    public byte[] encode(Group g, long bucketStart, boolean compact) {
        int count = columns(g);
        for (int c = 0; c < count; c++) {
            if (!scratch[c].strictlyAscending()) {
                ColumnSort.sortResolve(scratch[c]);
            }
        }
        if (compact) {
            Arrays.sort(scratch, 0, count, BY_FIELD);
        }
        segment.reset();
        BlockCodec.writeSegment(segment, body, col, bucketStart, scratch, count, compact);
        for (int c = 0; c < count; c++) {
            if (scratch[c].strings != null) {
                Arrays.fill(scratch[c].strings, 0, scratch[c].size, null);
            }
        }
        return segment.toByteArray();
    }

    /**
     * Gathers the values of {@code g} into the scratch columns, one per field in first-seen order;
     * returns their number. A method of its own for the JIT: a bulk load's group holds thousands of
     * values, so this loop gets compiled on-stack long before {@link #encode} is called often, and
     * inside {@code encode} each such compilation took the whole segment writer with it (two
     * on-stack compilations and a normal one of some 30 KB each in a restore's first seconds).
     */
    private int columns(Group g) {
        int count = 0;
        for (int i = g.first; i >= 0; i = next[i]) {
            int c = 0;
            while (c < count && scratch[c].fieldId != fieldIds[i]) {
                c++;
            }
            if (c == count) {
                if (count == scratch.length) {
                    scratch = Arrays.copyOf(scratch, count * 2);
                }
                if (scratch[count] == null) {
                    scratch[count] = new Column(8);
                }
                scratch[count++].reset(fieldIds[i], null, types[i]);
            }
            if (lengths[i] == 1) {
                scratch[c].add(ts[i], versions[i], bits[i], strings[i]);
            } else {
                scratch[c].addRange(ts, versions, bits, strings, i, lengths[i]);
            }
        }
        return count;
    }

    /** Forgets everything (and the arrays of an unusually large write). */
    public void clear() {
        if (ts.length > retainedValues) {
            allocate(INITIAL_VALUES);
        } else if (hasStrings) {
            Arrays.fill(strings, 0, size, null);
        }
        for (int c = 0; c < scratch.length; c++) {
            if (scratch[c] != null && scratch[c].ts.length > retainedValues) {
                scratch[c] = null;
            }
        }
        hasStrings = false;
        size = 0;
        order.clear();
        table.clear();
        last = null;
    }

    private void allocate(int capacity) {
        next = new int[capacity];
        lengths = new int[capacity];
        fieldIds = new int[capacity];
        types = new FieldType[capacity];
        ts = new long[capacity];
        versions = new long[capacity];
        bits = new long[capacity];
        strings = new String[capacity];
    }

    private void grow() {
        int c = ts.length * 2;
        next = Arrays.copyOf(next, c);
        lengths = Arrays.copyOf(lengths, c);
        fieldIds = Arrays.copyOf(fieldIds, c);
        types = Arrays.copyOf(types, c);
        ts = Arrays.copyOf(ts, c);
        versions = Arrays.copyOf(versions, c);
        bits = Arrays.copyOf(bits, c);
        strings = Arrays.copyOf(strings, c);
    }
}
