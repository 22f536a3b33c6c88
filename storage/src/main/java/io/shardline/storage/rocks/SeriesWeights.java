package io.shardline.storage.rocks;

import io.shardline.model.SeriesKey;

/**
 * Estimated heap bytes of the series caches' entries, so the caches are bounded by
 * {@code series-cache-max-memory-size} whatever the number or length of series keys. The estimate
 * counts object headers, the tag arrays, one string per name and the key's cached encoded form
 * (bytes and text); it errs high rather than low. Stateless.
 */
final class SeriesWeights {

    /** Cache node, key record, value record and boxed id. */
    private static final int ENTRY_OVERHEAD = 96;

    private SeriesWeights() {
    }

    /** A series key: the object, two tag arrays, the strings and the encoded bytes and text. */
    static int seriesKey(SeriesKey s) {
        int strings = 48 + s.measurement().length();
        for (int i = 0; i < s.tagCount(); i++) {
            strings += 96 + s.tagKey(i).length() + s.tagValue(i).length();
        }
        return 24 + 2 * (16 + 4 * s.tagCount()) + strings + 112 + 2 * s.byteLength();
    }

    /** An entry of either series cache: the key, the id and the cache's own node. */
    static int entry(SeriesKey s) {
        return ENTRY_OVERHEAD + seriesKey(s);
    }
}
