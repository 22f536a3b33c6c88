package io.shardline.query.value;

import java.util.Comparator;

/** Orders strings by their UTF-8 bytes, as Go's string comparison and {@code sort.Strings} do. Stateless. */
public final class Utf8Order {

    /** The comparator form of {@link #compare}. */
    public static final Comparator<String> COMPARATOR = Utf8Order::compare;

    private Utf8Order() {
    }

    /** Compares by code point, which equals UTF-8 byte order (UTF-16 order differs above U+D7FF). */
    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                }
                return Character.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }
}
