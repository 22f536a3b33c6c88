package io.shardline.tsm;

import io.shardline.model.SeriesKey;
import io.shardline.tsm.internal.SeriesKeyParser;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * The key of a TSM index entry: a series and one of its fields, stored as
 * {@code <series key>#!~#<field>} with the series key escaped as in line protocol and the field
 * unescaped. Keys sort as unsigned bytes, which keeps the fields of one series next to each other.
 * Immutable.
 */
public record TsmKey(SeriesKey series, String field) {

    /** The separator between series key and field, {@code #!~#}. */
    public static final byte[] SEPARATOR = {'#', '!', '~', '#'};

    /** The order of keys in a TSM index: unsigned lexicographic bytes. */
    public static final Comparator<byte[]> ORDER = Arrays::compareUnsigned;

    public TsmKey {
        Objects.requireNonNull(series, "series");
        if (field == null || field.isEmpty()) {
            throw new IllegalArgumentException("field must not be empty");
        }
    }

    /**
     * Reads a key as InfluxDB does when it rebuilds its index: the series is what comes before the
     * first {@code #!~#}, the field what follows. A key without separator, with an empty field or
     * without a measurement gives {@link IllegalArgumentException}.
     */
    public static TsmKey parse(byte[] key) {
        int sep = indexOfSeparator(key, key.length);
        if (sep < 0) {
            throw new IllegalArgumentException("no #!~# field separator");
        }
        String field = new String(key, sep + SEPARATOR.length, key.length - sep - SEPARATOR.length,
                StandardCharsets.UTF_8);
        return new TsmKey(SeriesKeyParser.parse(key, 0, sep), field);
    }

    /**
     * The stored form. A series or field that InfluxDB would not read back as the same series and
     * field (a series key holding {@code #!~#}, or an element ending in a backslash that escapes the
     * separator after it) gives {@link IllegalArgumentException}, so nothing is written that would
     * come back different.
     */
    public byte[] toBytes() {
        byte[] s = series.toBytes();
        byte[] f = field.getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[s.length + SEPARATOR.length + f.length];
        System.arraycopy(s, 0, key, 0, s.length);
        System.arraycopy(SEPARATOR, 0, key, s.length, SEPARATOR.length);
        System.arraycopy(f, 0, key, s.length + SEPARATOR.length, f.length);
        if (indexOfSeparator(key, s.length) >= 0) {
            throw new IllegalArgumentException("series key " + series + " contains the TSM field separator #!~#");
        }
        SeriesKey back;
        try {
            back = SeriesKeyParser.parse(key, 0, s.length);
        } catch (IllegalArgumentException e) {
            back = null;
        }
        if (!series.equals(back)) {
            throw new IllegalArgumentException("series key " + series + " would be read back by InfluxDB as "
                    + (back == null ? "nothing" : back.toString()));
        }
        return key;
    }

    // The first #!~# that starts before 'limit'.
    private static int indexOfSeparator(byte[] key, int limit) {
        for (int i = 0; i + SEPARATOR.length <= key.length && i < limit; i++) {
            if (key[i] == '#' && key[i + 1] == '!' && key[i + 2] == '~' && key[i + 3] == '#') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return series + "#!~#" + field;
    }
}
