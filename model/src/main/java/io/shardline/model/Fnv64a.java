package io.shardline.model;

/**
 * FNV-1a 64-bit hashing as InfluxDB 1.x uses it to place a series in a shard
 * ({@code HashID = fnv64a(seriesKey)}, shard = {@code HashID mod n}, unsigned). Stateless.
 */
public final class Fnv64a {

    /** Offset basis 14695981039346656037. */
    public static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    /** Prime 1099511628211. */
    public static final long PRIME = 0x100000001b3L;

    private Fnv64a() {
    }

    /** The hash of all of {@code bytes}. */
    public static long hash(byte[] bytes) {
        return hash(bytes, 0, bytes.length);
    }

    /** The hash of {@code bytes[offset, offset + length)}. */
    public static long hash(byte[] bytes, int offset, int length) {
        return update(OFFSET_BASIS, bytes, offset, length);
    }

    /** Continues hash {@code h} over more bytes, for keys that arrive in pieces. */
    public static long update(long h, byte[] bytes, int offset, int length) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            h ^= bytes[i] & 0xFF;
            h *= PRIME;
        }
        return h;
    }

    /** The shard index {@code hash mod shardCount} with the hash read as unsigned, as Go does. */
    public static int shardIndex(long hash, int shardCount) {
        if (shardCount <= 0) {
            throw new IllegalArgumentException("shard count must be positive: " + shardCount);
        }
        return (int) Long.remainderUnsigned(hash, shardCount);
    }
}
