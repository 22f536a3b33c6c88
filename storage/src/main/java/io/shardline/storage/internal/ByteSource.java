package io.shardline.storage.internal;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link ByteSink} writes from a byte array range. Truncated or malformed input fails
 * with {@link ErrorCode#CORRUPTED}. Not thread-safe.
 */
public final class ByteSource {

    private byte[] buf;
    private int pos;
    private int end;

    public ByteSource(byte[] buf) {
        this(buf, 0, buf.length);
    }

    public ByteSource(byte[] buf, int from, int to) {
        reset(buf, from, to);
    }

    /** Points the reader at another range. */
    public void reset(byte[] b, int from, int to) {
        this.buf = b;
        this.pos = from;
        this.end = to;
    }

    public int position() {
        return pos;
    }

    public void position(int p) {
        if (p < 0 || p > end) {
            throw corrupted("position out of range");
        }
        pos = p;
    }

    public int limit() {
        return end;
    }

    public byte[] array() {
        return buf;
    }

    public boolean hasRemaining() {
        return pos < end;
    }

    public int remaining() {
        return end - pos;
    }

    public int get() {
        if (pos >= end) {
            throw corrupted("unexpected end of data");
        }
        return buf[pos++] & 0xFF;
    }

    public void skip(int n) {
        need(n);
        pos += n;
    }

    public long getVarLong() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= end) {
                throw corrupted("truncated varint");
            }
            byte b = buf[pos++];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw corrupted("varint too long");
    }

    public int getVarInt() {
        long v = getVarLong();
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw corrupted("varint out of int range: " + v);
        }
        return (int) v;
    }

    public long getZigzag() {
        long v = getVarLong();
        return (v >>> 1) ^ -(v & 1);
    }

    public long getLongBE() {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buf[pos++] & 0xFF);
        }
        return v;
    }

    public long getLongLE() {
        need(8);
        long v = 0;
        for (int i = 0; i < 64; i += 8) {
            v |= (long) (buf[pos++] & 0xFF) << i;
        }
        return v;
    }

    public int getIntBE() {
        need(4);
        int v = ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16) | ((buf[pos + 2] & 0xFF) << 8)
                | (buf[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    public String getString() {
        int n = getVarInt();
        need(n);
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    public byte[] getBytes() {
        int n = getVarInt();
        need(n);
        byte[] b = java.util.Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return b;
    }

    private void need(int n) {
        if (n < 0 || end - pos < n) {
            throw corrupted("unexpected end of data");
        }
    }

    /** A {@link ErrorCode#CORRUPTED} error. */
    public static ShardlineException corrupted(String what) {
        return new ShardlineException(ErrorCode.CORRUPTED, "corrupted storage data: " + what);
    }
}
