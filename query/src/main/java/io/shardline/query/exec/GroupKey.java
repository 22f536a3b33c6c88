package io.shardline.query.exec;

import io.shardline.model.SeriesKey;
import io.shardline.query.value.Utf8Order;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An output series: the measurement and the values of the GROUP BY tags (a missing tag is the empty string).
 * Ordered like 1.x orders series: by name, then by tag values in key order. Immutable; the hash is computed
 * once, since aggregation looks groups up in hash maps once per cell.
 */
public final class GroupKey implements Comparable<GroupKey> {

    private final String measurement;
    private final int hash;
    /** The tags as key, value, key, value, ... in key order (keys distinct): compared and hashed without a map. */
    private final String[] flat;
    /** {@link #flat} as a map, made at the first {@link #tags()} (most groups are only hashed and compared). */
    private volatile Map<String, String> tags;
    /**
     * The measurement and {@link #flat}, each as UTF-8 followed by a 0 byte: compared as unsigned bytes it orders as
     * {@link #compareTo} does. Built at the first comparison (sorting the output series); {@link #NO_SORT_KEY} when
     * a string holds U+0000 or a surrogate, whose bytes would not keep that order.
     */
    private volatile byte[] sortKey;
    private static final byte[] NO_SORT_KEY = new byte[0];

    public GroupKey(String measurement, Map<String, String> tags) {
        this(measurement, flatten(sorted(tags)));
    }

    private GroupKey(String measurement, String[] flat) {
        this.measurement = measurement;
        this.flat = flat;
        this.hash = 31 * measurement.hashCode() + Arrays.hashCode(flat);
    }

    private static TreeMap<String, String> sorted(Map<String, String> tags) {
        TreeMap<String, String> sorted = new TreeMap<>(Utf8Order.COMPARATOR);
        sorted.putAll(tags);
        return sorted;
    }

    private static String[] flatten(TreeMap<String, String> sortedTags) {
        String[] flat = new String[2 * sortedTags.size()];
        int i = 0;
        for (Map.Entry<String, String> e : sortedTags.entrySet()) {
            flat[i++] = e.getKey();
            flat[i++] = e.getValue();
        }
        return flat;
    }

    /** The group of {@code series} for the given GROUP BY tag keys. */
    public static GroupKey of(SeriesKey series, List<String> groupByTags) {
        if (groupByTags.size() == 1) { // GROUP BY one tag: nothing to order
            String k = groupByTags.get(0);
            String v = series.tag(k);
            return new GroupKey(series.measurement(), new String[] {k, v == null ? "" : v});
        }
        TreeMap<String, String> tags = new TreeMap<>(Utf8Order.COMPARATOR);
        for (String k : groupByTags) {
            String v = series.tag(k);
            tags.put(k, v == null ? "" : v);
        }
        return new GroupKey(series.measurement(), flatten(tags));
    }

    /** The measurement (the output series' name). */
    public String measurement() {
        return measurement;
    }

    /** The GROUP BY tags and their values, sorted by key (UTF-8 order); unmodifiable. */
    public Map<String, String> tags() {
        Map<String, String> t = tags;
        if (t == null) {
            if (flat.length == 0) {
                t = Map.of();
            } else if (flat.length == 2) {
                t = Collections.singletonMap(flat[0], flat[1]);
            } else {
                TreeMap<String, String> m = new TreeMap<>(Utf8Order.COMPARATOR);
                for (int i = 0; i < flat.length; i += 2) {
                    m.put(flat[i], flat[i + 1]);
                }
                t = Collections.unmodifiableMap(m);
            }
            tags = t;
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof GroupKey g && g.hash == hash && g.measurement.equals(measurement)
                && Arrays.equals(g.flat, flat);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "GroupKey[measurement=" + measurement + ", tags=" + tags() + "]";
    }

    private byte[] sortKey() {
        byte[] k = sortKey;
        if (k == null) {
            k = buildSortKey();
            sortKey = k;
        }
        return k;
    }

    private byte[] buildSortKey() {
        int n = measurement.length() + 1;
        for (String s : flat) {
            n += s.length() + 1;
        }
        byte[] ascii = asciiSortKey(n);
        if (ascii != null) {
            return ascii;
        }
        StringBuilder b = new StringBuilder(n);
        if (!appendTerminated(b, measurement)) {
            return NO_SORT_KEY;
        }
        for (String s : flat) {
            if (!appendTerminated(b, s)) {
                return NO_SORT_KEY;
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The sort key of {@code n} bytes when every string is ASCII without U+0000 (its own UTF-8), else null. */
    private byte[] asciiSortKey(int n) {
        byte[] k = new byte[n];
        int at = putAscii(k, 0, measurement);
        for (int i = 0; i < flat.length && at >= 0; i++) {
            at = putAscii(k, at, flat[i]);
        }
        return at < 0 ? null : k;
    }

    /** Puts {@code s} and a 0 byte at {@code at}; the next position, or -1 at a character that is not ASCII or 0. */
    private static int putAscii(byte[] k, int at, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || c >= 0x80) {
                return -1;
            }
            k[at++] = (byte) c;
        }
        k[at] = 0;
        return at + 1;
    }

    private static boolean appendTerminated(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || Character.isSurrogate(c)) {
                return false;
            }
        }
        b.append(s).append('\0');
        return true;
    }

    @Override
    public int compareTo(GroupKey o) {
        byte[] a = sortKey();
        byte[] b = o.sortKey();
        if (a != NO_SORT_KEY && b != NO_SORT_KEY) {
            return Integer.signum(Arrays.compareUnsigned(a, b));
        }
        return compareFields(o);
    }

    /** {@link #compareTo} field by field. */
    int compareFields(GroupKey o) {
        int c = Utf8Order.compare(measurement, o.measurement);
        if (c != 0) {
            return c;
        }
        // pairwise by key, then value; the group with more tags sorts last when the shorter one is its prefix
        int n = Math.min(flat.length, o.flat.length);
        for (int i = 0; i < n; i++) {
            c = Utf8Order.compare(flat[i], o.flat[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(flat.length, o.flat.length);
    }
}
