package io.shardline.storage.internal;

import io.shardline.model.SeriesKey;
import java.util.Comparator;

/**
 * Orders strings by their UTF-8 bytes (code point order), as InfluxDB sorts names, and series by
 * their key bytes. Stateless.
 */
public final class Utf8Order {

    /** Strings in UTF-8 byte order. */
    public static final Comparator<String> STRINGS = Utf8Order::compare;

    /** Series in key byte order ({@code SHOW SERIES} and export order). */
    public static final Comparator<SeriesKey> SERIES = SeriesKey::compareBytes;

    private Utf8Order() {
    }

    /** Negative, zero or positive as {@code a} sorts before, with or after {@code b}. */
    public static int compare(String a, String b) {
        if (a == b) {
            return 0;
        }
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return rank(x) - rank(y);
            }
        }
        return a.length() - b.length();
    }

    // UTF-16 unit order differs from code point order only for surrogates versus U+E000..U+FFFF.
    private static int rank(char c) {
        if (c < 0xD800) {
            return c;
        }
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
}
