package io.shardline.model.internal;

import java.util.Comparator;

/**
 * Ordering of Java strings by their UTF-8 bytes, which is how InfluxDB (Go) sorts tag and field
 * keys. {@link String#compareTo} compares UTF-16 units and disagrees for characters above U+FFFF
 * versus U+E000..U+FFFF. Stateless.
 */
public final class Utf8 {

    /** Compares strings by the unsigned bytes of their UTF-8 encoding. */
    public static final Comparator<String> ORDER = Utf8::compare;

    private Utf8() {
    }

    /** Negative, zero or positive as {@code a} sorts before, equal to, or after {@code b} in UTF-8 byte order. */
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

    // Code point order equals UTF-8 byte order; moving surrogates above U+E000..U+FFFF turns UTF-16
    // unit order into code point order for the first differing unit.
    private static int rank(char c) {
        if (c < 0xD800) {
            return c;
        }
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
}
