package io.shardline.model;

import io.shardline.model.internal.Escaping;
import io.shardline.model.internal.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A series: measurement plus tags sorted by key (UTF-8 byte order, keys distinct, keys and values
 * non-empty), with its 1.x series key {@code escaped-measurement{,escaped-key=escaped-value}} and
 * the FNV-1a hash of that key computed once on first use. Immutable and thread-safe; equality is by
 * value. Tags with an empty value are dropped, as 1.x does when it builds a key.
 */
public final class SeriesKey {

    private static final String[] NO_TAGS = new String[0];

    private final String measurement;
    private final String[] tagKeys;
    private final String[] tagValues;
    private volatile Encoded encoded;

    /**
     * The key's bytes and hash; its text is built on first use when the bytes were written directly (every name
     * ASCII: the text is then the bytes as characters), so a series that is only stored never builds it.
     */
    private static final class Encoded {
        final byte[] bytes;
        final long fnv;
        // Racy but benign: a String is safely published by its final fields, and any two builds are equal.
        String text;

        Encoded(byte[] bytes, String text) {
            this.bytes = bytes;
            this.fnv = Fnv64a.hash(bytes);
            this.text = text;
        }

        String text() {
            String t = text;
            if (t == null) {
                t = new String(bytes, StandardCharsets.ISO_8859_1);
                text = t;
            }
            return t;
        }
    }

    private SeriesKey(String measurement, String[] tagKeys, String[] tagValues) {
        this.measurement = measurement;
        this.tagKeys = tagKeys;
        this.tagValues = tagValues;
    }

    /** A series without tags. */
    public static SeriesKey of(String measurement) {
        return of(measurement, NO_TAGS, NO_TAGS);
    }

    /** A series with the given tags (any iteration order). */
    public static SeriesKey of(String measurement, Map<String, String> tags) {
        String[] keys = new String[tags.size()];
        String[] values = new String[tags.size()];
        int i = 0;
        for (Map.Entry<String, String> e : tags.entrySet()) {
            keys[i] = e.getKey();
            values[i++] = e.getValue();
        }
        return of(measurement, keys, values);
    }

    /**
     * {@link #of(String, String[], String[])} for arrays the caller hands over (it must not change them afterwards):
     * when the keys are already in order, distinct, and no value is empty (a key as storage writes it), they are
     * kept without the sort and the copies; otherwise as {@code of}.
     */
    public static SeriesKey ofOwned(String measurement, String[] keys, String[] values) {
        if (measurement == null || measurement.isEmpty() || keys.length != values.length) {
            return of(measurement, keys, values);
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == null || keys[i].isEmpty() || values[i] == null || values[i].isEmpty()
                    || i > 0 && Utf8.compare(keys[i - 1], keys[i]) >= 0) {
                return of(measurement, keys, values);
            }
        }
        return new SeriesKey(measurement, keys.length == 0 ? NO_TAGS : keys, keys.length == 0 ? NO_TAGS : values);
    }

    /**
     * A series from parallel tag arrays in any order (the arrays are copied). Rejects an empty
     * measurement, empty or duplicate tag keys and nulls with {@link IllegalArgumentException}.
     */
    public static SeriesKey of(String measurement, String[] keys, String[] values) {
        if (measurement == null || measurement.isEmpty()) {
            throw new IllegalArgumentException("measurement must not be empty");
        }
        if (keys.length != values.length) {
            throw new IllegalArgumentException("tag keys and values differ in length");
        }
        boolean sorted = true;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == null || keys[i].isEmpty() || values[i] == null) {
                throw new IllegalArgumentException("tag keys must be non-empty and values non-null");
            }
            sorted &= !values[i].isEmpty() && (i == 0 || Utf8.compare(keys[i - 1], keys[i]) < 0);
        }
        if (sorted) {
            // the usual case (a line's tags as 1.x's clients write them): no reordering, nothing dropped
            return keys.length == 0 ? new SeriesKey(measurement, NO_TAGS, NO_TAGS)
                    : new SeriesKey(measurement, keys.clone(), values.clone());
        }
        Integer[] order = new Integer[keys.length];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (!values[i].isEmpty()) {
                order[n++] = i;
            }
        }
        Arrays.sort(order, 0, n, (x, y) -> Utf8.compare(keys[x], keys[y]));
        String[] sortedKeys = new String[n];
        String[] sortedValues = new String[n];
        for (int j = 0; j < n; j++) {
            sortedKeys[j] = keys[order[j]];
            sortedValues[j] = values[order[j]];
            if (j > 0 && sortedKeys[j].equals(sortedKeys[j - 1])) {
                throw new IllegalArgumentException("duplicate tag key: " + sortedKeys[j]);
            }
        }
        return new SeriesKey(measurement, n == 0 ? NO_TAGS : sortedKeys, n == 0 ? NO_TAGS : sortedValues);
    }

    /**
     * The series of {@link #of(String, String[], String[])} whose key bytes the caller already holds, for the
     * line-protocol parser: {@code keyBytes} must be what the series encodes to, which a line's raw key is when it
     * is ASCII, has no backslash and lists its tags sorted (then nothing is escaped or reordered). The array is
     * kept, not copied. A length that cannot be that encoding gives {@link IllegalArgumentException}.
     */
    public static SeriesKey ofEncoded(String measurement, String[] keys, String[] values, byte[] keyBytes) {
        SeriesKey s = of(measurement, keys, values);
        // The length the escaped ASCII encoding has: a name that is not ASCII or needs escaping cannot match raw bytes.
        int n = Escaping.escapedAsciiLength(measurement, false);
        for (int i = 0; i < s.tagKeys.length && n >= 0; i++) {
            int k = Escaping.escapedAsciiLength(s.tagKeys[i], true);
            int v = Escaping.escapedAsciiLength(s.tagValues[i], true);
            n = k < 0 || v < 0 ? -1 : n + 2 + k + v;
        }
        if (n != keyBytes.length) {
            throw new IllegalArgumentException("key bytes of length " + keyBytes.length + " for a key of " + n);
        }
        s.encoded = new Encoded(keyBytes, null);
        return s;
    }

    /** The measurement name, unescaped. */
    public String measurement() {
        return measurement;
    }

    /** Number of tags. */
    public int tagCount() {
        return tagKeys.length;
    }

    /** Key of the {@code i}-th tag in sorted order. */
    public String tagKey(int i) {
        return tagKeys[i];
    }

    /** Value of the {@code i}-th tag in sorted order. */
    public String tagValue(int i) {
        return tagValues[i];
    }

    /** The value of tag {@code key}, or null when absent. */
    public String tag(String key) {
        int lo = 0;
        int hi = tagKeys.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Utf8.compare(tagKeys[mid], key);
            if (c == 0) {
                return tagValues[mid];
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return null;
    }

    /** The tags as an unmodifiable map in sorted key order. */
    public Map<String, String> tags() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < tagKeys.length; i++) {
            m.put(tagKeys[i], tagValues[i]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** A copy of the series key bytes (UTF-8). */
    public byte[] toBytes() {
        return encoded().bytes.clone();
    }

    /** Length of the series key in bytes. */
    public int byteLength() {
        return encoded().bytes.length;
    }

    /** Copies the series key bytes into {@code dst} at {@code offset}. */
    public void copyBytes(byte[] dst, int offset) {
        byte[] b = encoded().bytes;
        System.arraycopy(b, 0, dst, offset, b.length);
    }

    /** FNV-1a 64 of the series key bytes (the 1.x {@code HashID}). */
    public long fnv64a() {
        return encoded().fnv;
    }

    /** The shard of this series in a shard group of {@code shardCount} shards. */
    public int shardIndex(int shardCount) {
        return Fnv64a.shardIndex(fnv64a(), shardCount);
    }

    /**
     * Orders series by their key bytes (UTF-8, unsigned), the order of the series index and of {@code SHOW SERIES}:
     * the same order as comparing the key texts by code point, without decoding characters. Keys whose bytes are
     * equal but texts differ (only possible with unpaired surrogates, which UTF-8 encodes as {@code ?}) fall back
     * to the texts, so the order stays consistent with {@link #equals}.
     */
    public int compareBytes(SeriesKey other) {
        if (this == other) {
            return 0;
        }
        Encoded a = encoded();
        Encoded b = other.encoded();
        int c = Arrays.compareUnsigned(a.bytes, b.bytes);
        return c != 0 ? c : a.text().compareTo(b.text());
    }

    /** The series key as text, e.g. {@code cpu,host=a,region=us\ west}. */
    @Override
    public String toString() {
        return encoded().text();
    }

    private Encoded encoded() {
        Encoded e = encoded;
        if (e == null) {
            byte[] ascii = asciiBytes();
            e = ascii != null ? new Encoded(ascii, null) : encodedFromText();
            encoded = e;
        }
        return e;
    }

    /**
     * The key's bytes written directly in one exactly sized array when every name is ASCII (the usual case: no
     * text, no {@code StringBuilder} growth, no {@code getBytes} copy), or null when one is not.
     */
    private byte[] asciiBytes() {
        int n = Escaping.escapedAsciiLength(measurement, false);
        for (int i = 0; i < tagKeys.length && n >= 0; i++) {
            int k = Escaping.escapedAsciiLength(tagKeys[i], true);
            int v = Escaping.escapedAsciiLength(tagValues[i], true);
            n = k < 0 || v < 0 ? -1 : n + 2 + k + v;
        }
        if (n < 0) {
            return null;
        }
        byte[] out = new byte[n];
        int at = Escaping.putEscapedAscii(out, 0, measurement, false);
        for (int i = 0; i < tagKeys.length; i++) {
            out[at++] = ',';
            at = Escaping.putEscapedAscii(out, at, tagKeys[i], true);
            out[at++] = '=';
            at = Escaping.putEscapedAscii(out, at, tagValues[i], true);
        }
        return out;
    }

    private Encoded encodedFromText() {
        StringBuilder b = new StringBuilder(measurement.length() + 16 * tagKeys.length);
        Escaping.appendMeasurementKey(b, measurement);
        for (int i = 0; i < tagKeys.length; i++) {
            b.append(',');
            Escaping.appendTag(b, tagKeys[i]);
            b.append('=');
            Escaping.appendTag(b, tagValues[i]);
        }
        String text = b.toString();
        return new Encoded(text.getBytes(StandardCharsets.UTF_8), text);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof SeriesKey s && measurement.equals(s.measurement)
                && Arrays.equals(tagKeys, s.tagKeys) && Arrays.equals(tagValues, s.tagValues);
    }

    @Override
    public int hashCode() {
        // The FNV-1a hash of the key is computed once and cached; equal keys have equal bytes.
        return Long.hashCode(fnv64a());
    }
}
