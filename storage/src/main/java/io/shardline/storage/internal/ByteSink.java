package io.shardline.storage.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array with the primitive encodings of the storage formats: unsigned LEB128 varints,
 * zigzag varints, fixed-width big- and little-endian integers, length-prefixed strings. Not
 * thread-safe; the write path reuses one per writer.
 */
public final class ByteSink {

    private byte[] buf;
    private int len;

    public ByteSink(int capacity) {
        this.buf = new byte[Math.max(16, capacity)];
    }

    /** Number of bytes written. */
    public int length() {
        return len;
    }

    /** Forgets the content, keeping the buffer. */
    public void reset() {
        len = 0;
    }

    /** Drops bytes after {@code newLength}. */
    public void truncate(int newLength) {
        len = newLength;
    }

    /** The internal buffer; valid in {@code [0, length())} until the next write. */
    public byte[] array() {
        return buf;
    }

    /** A copy of the content. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    /** A copy of {@code [from, length())}. */
    public byte[] copyFrom(int from) {
        return Arrays.copyOfRange(buf, from, len);
    }

    public void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    public ByteSink put(int b) {
        ensure(1);
        buf[len++] = (byte) b;
        return this;
    }

    public ByteSink put(byte[] b) {
        return put(b, 0, b.length);
    }

    public ByteSink put(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
    }

    /** Unsigned LEB128 of the 64 bits of {@code v}. */
    public ByteSink putVarLong(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[len++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[len++] = (byte) v;
        return this;
    }

    /** Unsigned LEB128 of a non-negative int. */
    public ByteSink putVarInt(int v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative varint " + v);
        }
        return putVarLong(v);
    }

    /** Zigzag then LEB128, so small negative numbers stay short. */
    public ByteSink putZigzag(long v) {
        return putVarLong((v << 1) ^ (v >> 63));
    }

    /** Eight bytes, big-endian. */
    public ByteSink putLongBE(long v) {
        ensure(8);
        byte[] b = buf;
        int at = len;
        b[at] = (byte) (v >>> 56);
        b[at + 1] = (byte) (v >>> 48);
        b[at + 2] = (byte) (v >>> 40);
        b[at + 3] = (byte) (v >>> 32);
        b[at + 4] = (byte) (v >>> 24);
        b[at + 5] = (byte) (v >>> 16);
        b[at + 6] = (byte) (v >>> 8);
        b[at + 7] = (byte) v;
        len = at + 8;
        return this;
    }

    /** Eight bytes, little-endian. */
    public ByteSink putLongLE(long v) {
        ensure(8);
        for (int i = 0; i < 64; i += 8) {
            buf[len++] = (byte) (v >>> i);
        }
        return this;
    }

    /** Four bytes, big-endian. */
    public ByteSink putIntBE(int v) {
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    /** Writes {@code v} big-endian into {@code [at, at+4)} of the content. */
    public void setIntBE(int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    /** Varint length and the UTF-8 bytes. */
    public ByteSink putString(String s) {
        int n = s.length();
        if (n < 0x80) {
            // a short ASCII string (its length one varint byte) is written as it is checked, without getBytes;
            // a character outside ASCII leaves the content unchanged and the string is encoded as UTF-8 below
            ensure(1 + n);
            int at = len + 1;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    return putUtf8(s);
                }
                buf[at++] = (byte) c;
            }
            buf[len] = (byte) n;
            len = at;
            return this;
        }
        return putUtf8(s);
    }

    private ByteSink putUtf8(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        putVarInt(b.length);
        return put(b);
    }

    /** Varint length and the bytes. */
    public ByteSink putBytes(byte[] b) {
        putVarInt(b.length);
        return put(b);
    }
}
