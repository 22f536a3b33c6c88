package io.shardline.tsm.block;

import java.util.Arrays;

/**
 * A growable big-endian byte buffer with Go's unsigned varint; reused between blocks to avoid
 * allocation. Not thread-safe.
 */
public final class ByteOut {

    private byte[] buf;
    private int size;

    public ByteOut(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    /** Forgets the content, keeping the capacity. */
    public void reset() {
        size = 0;
    }

    public int size() {
        return size;
    }

    /** The backing array; bytes {@code [0, size())} are the content. */
    public byte[] array() {
        return buf;
    }

    /** A copy of the content. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** Makes room for {@code n} more bytes. */
    public void ensure(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }

    public void put(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    public void putInt(int v) {
        ensure(4);
        for (int s = 24; s >= 0; s -= 8) {
            buf[size++] = (byte) (v >>> s);
        }
    }

    public void putLong(long v) {
        ensure(8);
        for (int s = 56; s >= 0; s -= 8) {
            buf[size++] = (byte) (v >>> s);
        }
    }

    /** Go's {@code binary.PutUvarint}: 7 bits per byte, low groups first, high bit = more follows. */
    public void putUvarint(long v) {
        ensure(10);
        while (Long.compareUnsigned(v, 0x80) >= 0) {
            buf[size++] = (byte) (v | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
    }

    public void put(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    /** Appends another buffer's content. */
    public void put(ByteOut other) {
        put(other.buf, 0, other.size);
    }

    /** Sets the size after the caller wrote into {@link #array()} past the current size. */
    void advance(int n) {
        size += n;
    }
}
