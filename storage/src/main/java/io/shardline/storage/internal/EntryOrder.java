package io.shardline.storage.internal;

/**
 * The one rule deciding which of two values for the same series, field and timestamp survives, on
 * every path (write, patch, copy, replay, rewrite): the higher version; for equal versions the
 * greater type code, then the greater bits (signed), then the greater string in UTF-8 order.
 * Stateless.
 */
public final class EntryOrder {

    private EntryOrder() {
    }

    /** Positive when value {@code a} beats value {@code b}, negative when it loses, 0 when identical. */
    public static int compare(long versionA, int typeA, long bitsA, String stringA,
            long versionB, int typeB, long bitsB, String stringB) {
        int c = Long.compare(versionA, versionB);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(typeA, typeB);
        if (c != 0) {
            return c;
        }
        c = Long.compare(bitsA, bitsB);
        if (c != 0) {
            return c;
        }
        if (stringA == null || stringB == null) {
            return stringA == null ? (stringB == null ? 0 : -1) : 1;
        }
        return Utf8Order.compare(stringA, stringB);
    }
}
