package io.shardline.common.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * Copies a file's bytes, taken chunk by chunk from a source of buffers, into a channel without
 * copying them on the heap. Stateless.
 */
public final class ChunkCopy {

    /** A source of one file's bytes. */
    @FunctionalInterface
    public interface Chunks {
        /** Up to {@code maxLength} bytes from {@code offset}; an empty buffer at the end. */
        ByteBuffer read(long offset, int maxLength) throws IOException;
    }

    private ChunkCopy() {
    }

    /**
     * Writes up to {@code size} bytes of {@code in} into {@code out} in chunks of at most
     * {@code chunk} bytes; returns how many there were (fewer if the source ended early).
     */
    public static long copy(long size, int chunk, Chunks in, WritableByteChannel out) throws IOException {
        long done = 0;
        while (done < size) {
            ByteBuffer b = in.read(done, (int) Math.min(chunk, size - done));
            if (!b.hasRemaining()) {
                break;
            }
            done += b.remaining();
            while (b.hasRemaining()) {
                out.write(b);
            }
        }
        return done;
    }

    /** The remaining bytes of {@code b} as a new array. */
    public static byte[] toArray(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
