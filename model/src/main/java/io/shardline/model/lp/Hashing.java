package io.shardline.model.lp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A fast, non-cryptographic hash of a byte range for the parser's caches (eight bytes per step).
 * Stateless.
 */
final class Hashing {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long M = 0x9E3779B97F4A7C15L;

    private Hashing() {
    }

    static int hash(byte[] b, int s, int e) {
        long h = e - s;
        int i = s;
        for (; i + 8 <= e; i += 8) {
            h = (h ^ (long) LONGS.get(b, i)) * M;
            h ^= h >>> 31;
        }
        for (; i < e; i++) {
            h = (h ^ b[i]) * M;
        }
        h ^= h >>> 29;
        return (int) (h ^ (h >>> 32));
    }
}
