package io.shardline.common.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * An {@link InputStream} over the body chunks of one request, filled by the Netty event loop and
 * drained by a worker thread. Applies back-pressure: when more than {@link #HIGH_WATER} bytes are
 * buffered the channel stops reading until the worker catches up. Enforces the body-size limit.
 * A body that cannot complete makes reading fail rather than end early, so a handler never takes
 * a truncated body for a whole one. Thread-safe between exactly one producer (the event loop) and
 * one consumer (the worker).
 */
final class ChunkStream extends InputStream {

    private static final int HIGH_WATER = 4 << 20;
    private static final int LOW_WATER = 1 << 20;

    private final Channel channel;
    private final long limit;
    private final Exchange account;
    private final Deque<ByteBuf> chunks = new ArrayDeque<>();
    private long buffered;
    private long received;
    private boolean ended;
    private boolean tooLarge;
    private boolean closed;
    private String failure;

    /** @param account the request the bytes are reserved for (the server's body budget) */
    ChunkStream(Channel channel, long limit, Exchange account) {
        this.channel = channel;
        this.limit = limit;
        this.account = account;
    }

    /**
     * Event loop: one more chunk (retained by the caller, released here). False when the server's
     * body budget has no room for it: the chunk is dropped and reading fails; the caller sheds the
     * request.
     */
    synchronized boolean offer(ByteBuf chunk) {
        received += chunk.readableBytes();
        if (closed || tooLarge || failure != null || (limit > 0 && received > limit)) {
            tooLarge |= limit > 0 && received > limit;
            chunk.release();
            notifyAll();
            return true;
        }
        if (!account.reserve(chunk.readableBytes())) {
            chunk.release();
            fail(GzipBody.OVERLOADED);
            return false;
        }
        chunks.add(chunk);
        buffered += chunk.readableBytes();
        if (buffered > HIGH_WATER) {
            channel.config().setAutoRead(false);
        }
        notifyAll();
        return true;
    }

    /** Event loop: bytes waiting for the handler. */
    synchronized long buffered() {
        return buffered;
    }

    /** Event loop: whether the body went past the size limit. */
    synchronized boolean tooLarge() {
        return tooLarge;
    }

    /** Event loop: whether the whole body arrived (or will not). */
    synchronized boolean ended() {
        return ended;
    }

    /** Event loop: the body is complete (or the connection broke). */
    synchronized void end() {
        ended = true;
        notifyAll();
    }

    /** Event loop: the body will not complete (broken connection, bad chunk encoding); reads fail. */
    synchronized void fail(String reason) {
        failure = reason;
        ended = true;
        notifyAll();
    }

    /**
     * The rest of the body. A request without one (every GET) gets an empty array at once: InputStream's
     * version allocates a 16 KiB read buffer first, on every such request.
     */
    @Override
    public byte[] readAllBytes() throws IOException {
        synchronized (this) {
            if (ended && chunks.isEmpty() && !tooLarge && failure == null) {
                return new byte[0];
            }
        }
        return super.readAllBytes();
    }

    @Override
    public synchronized int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] dst, int off, int len) throws IOException {
        while (true) {
            if (tooLarge) {
                throw new BodyTooLargeException(limit);
            }
            if (failure != null) {
                throw new IOException(failure);
            }
            ByteBuf head = chunks.peek();
            if (head != null) {
                int n = Math.min(len, head.readableBytes());
                head.readBytes(dst, off, n);
                buffered -= n;
                if (!head.isReadable()) {
                    chunks.poll().release();
                }
                resumeIfDrained();
                return n;
            }
            if (ended) {
                return -1;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading the request body", e);
            }
        }
    }

    private void resumeIfDrained() {
        if (buffered < LOW_WATER && !channel.config().isAutoRead()) {
            channel.eventLoop().execute(() -> {
                channel.config().setAutoRead(true);
                channel.read();
            });
        }
    }

    /** True once the whole body arrived and was read (or there was none). */
    synchronized boolean fullyRead() {
        return ended && chunks.isEmpty() && !tooLarge && failure == null;
    }

    /** Worker: releases what is left; later chunks are discarded. */
    @Override
    public synchronized void close() {
        closed = true;
        while (!chunks.isEmpty()) {
            chunks.poll().release();
        }
        buffered = 0;
        resumeIfDrained();
    }
}
