package io.shardline.storage.digest;

import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import io.shardline.storage.internal.FieldTypeCodes;
import io.shardline.storage.internal.Hashing;

/**
 * The hash of one stored value, the atom of a logical digest: a chain of mixing steps over the
 * series key, field key, timestamp, type, value and version. Nodes of the digest tree add their
 * children's hashes (mod 2^64), so a digest depends only on the set of visible values, never on how
 * or in which order they were stored. Part of the digest format: never change. Stateless.
 */
public final class EntryHash {

    private static final long SERIES_SEED = 0x5a17c0de5e41e5L;
    private static final long FIELD_SEED = 0x0f1e1d5eedL;
    private static final long STRING_SEED = 0x57a1e6L;
    private static final long TOMBSTONE_SEED = 0x70b570e5L;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private EntryHash() {
    }

    /** The hash of a series, from its key bytes. */
    public static long series(SeriesKey series) {
        return Hashing.mix(series.fnv64a() ^ SERIES_SEED);
    }

    /** The hash of a field key. */
    public static long field(String fieldKey) {
        return Hashing.mix(Hashing.fnv64a(fieldKey) ^ FIELD_SEED);
    }

    /** The hash of a value's content: the bits, or a hash of a string's UTF-8 bytes. */
    public static long value(FieldType type, long bits, String string) {
        return type == FieldType.STRING ? Hashing.mix(Hashing.fnv64a(string) ^ STRING_SEED) : bits;
    }

    /** The hash of one value; {@code typeCode} as {@link FieldTypeCodes}. */
    public static long entry(long seriesHash, long fieldHash, long timestamp, int typeCode, long valueHash,
            long version) {
        long h = step(seriesHash, fieldHash);
        h = step(h, timestamp);
        h = step(h, typeCode);
        h = step(h, valueHash);
        return step(h, version);
    }

    /** The hash of a tombstone, from its encoded form. */
    public static long tombstone(byte[] encoded) {
        return Hashing.mix(Hashing.fnv64a(encoded) ^ TOMBSTONE_SEED);
    }

    private static long step(long h, long x) {
        return Hashing.mix(h ^ (x * GOLDEN));
    }
}
