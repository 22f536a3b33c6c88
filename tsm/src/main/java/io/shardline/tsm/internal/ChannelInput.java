package io.shardline.tsm.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Sequential big-endian reads of {@code [start, end)} of a file channel through a fixed buffer, so
 * a large index is streamed in bounded memory. Not thread-safe.
 */
public final class ChannelInput {

    private final FileChannel channel;
    private final long end;
    private final ByteBuffer buf;
    private long bufStart;

    public ChannelInput(FileChannel channel, long start, long end, int bufferSize) {
        this.channel = channel;
        this.end = end;
        this.buf = ByteBuffer.allocate(bufferSize);
        this.buf.limit(0);
        this.bufStart = start;
    }

    /** File position of the next byte. */
    public long position() {
        return bufStart + buf.position();
    }

    /** Bytes left before the end. */
    public long remaining() {
        return end - position();
    }

    public int u8() throws IOException {
        need(1);
        return buf.get() & 0xFF;
    }

    public int u16() throws IOException {
        need(2);
        return buf.getShort() & 0xFFFF;
    }

    public int u32() throws IOException {
        need(4);
        return buf.getInt();
    }

    public long u64() throws IOException {
        need(8);
        return buf.getLong();
    }

    /** The next {@code n} bytes. */
    public byte[] bytes(int n) throws IOException {
        byte[] out = new byte[n];
        int done = 0;
        while (done < n) {
            need(1);
            int k = Math.min(n - done, buf.remaining());
            buf.get(out, done, k);
            done += k;
        }
        return out;
    }

    // Ensures min(n, buffer size) bytes are buffered; EOFException when the range ends first.
    private void need(int n) throws IOException {
        if (buf.remaining() >= n) {
            return;
        }
        if (remaining() < n) {
            throw new EOFException("needs " + n + " bytes, " + remaining() + " left");
        }
        bufStart = position();
        buf.compact();
        int want = (int) Math.min(buf.capacity(), end - bufStart);
        buf.limit(want);
        while (buf.position() < want) {
            if (channel.read(buf, bufStart + buf.position()) < 0) {
                throw new EOFException("file ends before its index does");
            }
        }
        buf.flip();
    }
}
