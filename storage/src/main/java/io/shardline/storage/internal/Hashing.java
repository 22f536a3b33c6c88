package io.shardline.storage.internal;

import java.nio.charset.StandardCharsets;

/**
 * The hash functions of the digest format: FNV-1a 64 over bytes and MurmurHash3's 64-bit finaliser
 * as the mixing step. Part of the on-the-wire digest definition: never change. Stateless.
 */
public final class Hashing {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Hashing() {
    }

    /** MurmurHash3 fmix64: a bijection that spreads every input bit over the output. */
    public static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return x;
    }

    public static long fnv64a(byte[] b) {
        return fnv64a(b, 0, b.length);
    }

    public static long fnv64a(byte[] b, int off, int len) {
        long h = FNV_OFFSET;
        for (int i = off; i < off + len; i++) {
            h ^= b[i] & 0xFF;
            h *= FNV_PRIME;
        }
        return h;
    }

    public static long fnv64a(String s) {
        return fnv64a(s.getBytes(StandardCharsets.UTF_8));
    }
}
