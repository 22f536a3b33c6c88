package io.shardline.storage.rocks;

import io.shardline.model.SeriesKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The keys of a shard's RocksDB instance. Integers are big-endian so keys sort numerically; a bucket
 * number has its sign bit flipped so negative times sort first; names are length-prefixed so one
 * name is never a prefix of another. Stateless.
 *
 * <pre>
 * column family "default" (shard metadata)
 *   0x01                          -> u32 format version (2; 1 is read and upgraded at open)
 *   0x02                          -> u32 next series id | u32 next field id | u64 live series
 *   0x03                          -> u64 last modified (wall ns)
 *   0x04                          -> digest state saved by a clean close
 *   'f' | u32 fieldId             -> u8 type | name measurement | name field
 *   'x' | u64 version | u64 hash  -> tombstone (TombstoneCodec)
 * column family "index"
 *   'k' | series key bytes        -> u32 series id | u8 live
 *   's' | u32 series id           -> series (SeriesKeyCodec)
 *   'a' | name measurement | u32 id             -> (empty)   series that died (format 1: every series ever created)
 *   'm' | name measurement | u32 id             -> (empty)   live series
 *   't' | name m | name tag key | name value | u32 id -> (empty)   live series by tag
 * column family "data"
 *   u32 series id | u32 bucket^0x80000000       -> block (BlockCodec segments)
 * column family "digest"
 *   u32 series id | u32 bucket^0x80000000       -> u64 leaf hash | varint values | varint rows | u64 max version
 * name := u16 length | UTF-8 bytes
 * </pre>
 */
final class Keys {

    static final byte[] FORMAT = {0x01};
    static final byte[] COUNTERS = {0x02};
    static final byte[] LAST_MODIFIED = {0x03};
    static final byte[] DIGEST_STATE = {0x04};
    static final byte FIELD = 'f';
    static final byte TOMBSTONE = 'x';
    static final byte SERIES_BY_KEY = 'k';
    static final byte SERIES_BY_ID = 's';
    static final byte ALL_SERIES = 'a';
    static final byte LIVE_SERIES = 'm';
    static final byte TAG = 't';

    private Keys() {
    }

    static byte[] field(int fieldId) {
        return new Builder(5).put(FIELD).putInt(fieldId).build();
    }

    static byte[] tombstone(long version, long hash) {
        return new Builder(17).put(TOMBSTONE).putLong(version).putLong(hash).build();
    }

    /** The 'k' key of {@code s}, copied once from its cached key bytes. */
    static byte[] seriesByKey(SeriesKey s) {
        byte[] k = new byte[1 + s.byteLength()];
        k[0] = SERIES_BY_KEY;
        s.copyBytes(k, 1);
        return k;
    }

    static byte[] seriesById(int id) {
        return new Builder(5).put(SERIES_BY_ID).putInt(id).build();
    }

    /** {@code kind | name measurement}: the prefix of 'a' and 'm' keys. */
    static byte[] measurementPrefix(byte kind, String measurement) {
        return new Builder(32).put(kind).putName(measurement).build();
    }

    static byte[] measurementSeries(byte kind, String measurement, int id) {
        return new Builder(1 + nameLength(measurement) + 4).put(kind).putName(measurement).putInt(id).build();
    }

    /**
     * {@code prefix} (a {@link #measurementPrefix} or {@link #tagPrefix}), then name {@code value} unless it is
     * null, then {@code id}: the 'm' or 't' key of a series from a prefix built once for many series.
     */
    static byte[] withId(byte[] prefix, String value, int id) {
        int n = prefix.length + (value == null ? 0 : nameLength(value)) + 4;
        Builder b = new Builder(n).put(prefix);
        if (value != null) {
            b.putName(value);
        }
        return b.putInt(id).build();
    }

    static byte[] tagPrefix(String measurement, String key) {
        return new Builder(48).put(TAG).putName(measurement).putName(key).build();
    }

    static byte[] tagValuePrefix(String measurement, String key, String value) {
        return new Builder(64).put(TAG).putName(measurement).putName(key).putName(value).build();
    }

    static byte[] tag(String measurement, String key, String value, int id) {
        return new Builder(1 + nameLength(measurement) + nameLength(key) + nameLength(value) + 4).put(TAG)
                .putName(measurement).putName(key).putName(value).putInt(id).build();
    }

    /**
     * The encoded length of a name (u16 length and UTF-8 bytes) if it is ASCII (the usual case), so that the keys
     * a new series writes are built in one exactly sized array without measuring the name first; a name with other
     * characters is longer, and its key's builder grows once.
     */
    static int nameLength(String s) {
        return 2 + s.length();
    }

    /** The block or digest key of (series, bucket). */
    static byte[] block(int seriesId, int bucket) {
        byte[] k = new byte[8];
        writeInt(k, 0, seriesId);
        writeInt(k, 4, bucket ^ 0x80000000);
        return k;
    }

    static int blockSeries(byte[] key) {
        return readInt(key, 0);
    }

    static int blockBucket(byte[] key) {
        return readInt(key, 4) ^ 0x80000000;
    }

    /** The smallest key greater than every key starting with {@code prefix} (null if none exists). */
    static byte[] successor(byte[] prefix) {
        byte[] s = Arrays.copyOf(prefix, prefix.length);
        for (int i = s.length - 1; i >= 0; i--) {
            if (s[i] != (byte) 0xFF) {
                s[i]++;
                return Arrays.copyOf(s, i + 1);
            }
        }
        return null;
    }

    static boolean startsWith(byte[] key, byte[] prefix) {
        if (key.length < prefix.length) {
            return false;
        }
        return Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    static int readInt(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    static void writeInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    /** Reads a name at {@code off}; returns it and sets {@code end[0]} to the offset after it. */
    static String readName(byte[] b, int off, int[] end) {
        int len = ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
        end[0] = off + 2 + len;
        return new String(b, off + 2, len, StandardCharsets.UTF_8);
    }

    /** A small key builder. */
    static final class Builder {
        private byte[] b;
        private int n;

        Builder(int capacity) {
            b = new byte[capacity];
        }

        Builder put(byte x) {
            ensure(1);
            b[n++] = x;
            return this;
        }

        Builder put(byte[] x) {
            ensure(x.length);
            System.arraycopy(x, 0, b, n, x.length);
            n += x.length;
            return this;
        }

        Builder putInt(int v) {
            ensure(4);
            writeInt(b, n, v);
            n += 4;
            return this;
        }

        Builder putLong(long v) {
            putInt((int) (v >>> 32));
            return putInt((int) v);
        }

        Builder putName(String s) {
            int len = s.length();
            if (len <= 0xFFFF) {
                // ASCII in one pass: the characters are written as they are checked; a character outside ASCII
                // leaves n unchanged and the name is encoded as UTF-8 below
                ensure(2 + len);
                int at = n + 2;
                for (int i = 0; i < len; i++, at++) {
                    char c = s.charAt(i);
                    if (c >= 0x80) {
                        at = -1;
                        break;
                    }
                    b[at] = (byte) c;
                }
                if (at >= 0) {
                    b[n] = (byte) (len >>> 8);
                    b[n + 1] = (byte) len;
                    n = at;
                    return this;
                }
            }
            byte[] u = s.getBytes(StandardCharsets.UTF_8);
            if (u.length > 0xFFFF) {
                throw new IllegalArgumentException("name longer than 65535 bytes");
            }
            ensure(2 + u.length);
            b[n++] = (byte) (u.length >>> 8);
            b[n++] = (byte) u.length;
            return put(u);
        }

        private void ensure(int extra) {
            if (n + extra > b.length) {
                b = Arrays.copyOf(b, Math.max(b.length * 2, n + extra));
            }
        }

        byte[] build() {
            return n == b.length ? b : Arrays.copyOf(b, n);
        }
    }
}
