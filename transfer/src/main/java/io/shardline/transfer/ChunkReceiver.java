package io.shardline.transfer;

import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.ServerCallStreamObserver;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.io.ChunkCopy;
import io.shardline.proto.datanode.ShardSnapshotChunk;
import io.shardline.proto.datanode.ShardSnapshotManifest;
import io.shardline.proto.datanode.SnapshotFileMessage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * The receiving end of a file stream ({@link ChunkSender}'s manifest, then each file's bytes in
 * order). Inbound flow control is manual: {@value #PREFETCH} messages are requested ahead and one more
 * per message consumed, so a slow disk slows the sender instead of filling memory. The reader takes the
 * bytes of one file after another with {@link #transferFile} (written as they arrive into a channel,
 * no copy) or {@link #take}; a message for another file or offset than the one expected is
 * {@code CORRUPTED}. A wait longer than the idle timeout fails with {@code TIMEOUT}. Works as a client's
 * response observer or, {@link #attach}ed to a server call, as a service's request observer. Reads on
 * one thread; the gRPC callbacks and {@link #cancel} on others.
 */
public final class ChunkReceiver implements ClientResponseObserver<Object, ShardSnapshotChunk> {

    public static final int PREFETCH = 4;
    private static final Object END = new Object();
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private record Failure(Throwable error) {
    }

    private final String what;
    private final Duration idleTimeout;
    private final Function<Throwable, ShardlineException> failures;
    private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    private final AtomicLong copied = new AtomicLong();
    private volatile IntConsumer requester = n -> { };
    private volatile Consumer<String> canceller = r -> { };
    private volatile String cancelled;
    private volatile ShardSnapshotManifest manifest;
    private volatile long totalBytes;
    private ShardSnapshotChunk current;
    private ByteBuffer data;
    private boolean ended;

    /**
     * @param what the transfer in messages, e.g. {@code "snapshot of shard 5 from h:8088"}
     * @param failures turns an error the stream ended with into the exception the reader throws
     */
    public ChunkReceiver(String what, Duration idleTimeout, Function<Throwable, ShardlineException> failures) {
        this.what = what;
        this.idleTimeout = idleTimeout;
        this.failures = failures;
    }

    // ---- gRPC side ---------------------------------------------------------------------------------

    @Override
    public void beforeStart(ClientCallStreamObserver<Object> call) {
        call.disableAutoRequestWithInitial(PREFETCH);
        requester = call::request;
        canceller = r -> call.cancel(r, null);
    }

    /** Receives a client stream in a service method: call before returning this as its request observer. */
    public void attach(ServerCallStreamObserver<?> call) {
        call.disableAutoRequest();
        requester = call::request;
        canceller = r -> { };
        call.setOnCancelHandler(() -> cancel("the sender cancelled the transfer"));
        call.request(PREFETCH);
    }

    @Override
    public void onNext(ShardSnapshotChunk chunk) {
        arrived.add(chunk);
    }

    @Override
    public void onError(Throwable t) {
        arrived.add(new Failure(t));
    }

    @Override
    public void onCompleted() {
        arrived.add(END);
    }

    // ---- reading side ------------------------------------------------------------------------------

    /** The manifest, the stream's first message (waits for it). */
    public ShardSnapshotManifest manifest() {
        if (manifest == null) {
            ShardSnapshotChunk first = next();
            if (first == null || !first.hasManifest()) {
                throw new ShardlineException(ErrorCode.CORRUPTED, what + ": the stream has no manifest");
            }
            totalBytes = first.getManifest().getFilesList().stream().mapToLong(SnapshotFileMessage::getSize).sum();
            manifest = first.getManifest();
        }
        return manifest;
    }

    /** The sum of the files' sizes (0 before the manifest arrived). */
    public long totalBytes() {
        return totalBytes;
    }

    /** Bytes taken by the reader so far. */
    public long copiedBytes() {
        return copied.get();
    }

    /**
     * Up to {@code maxLength} bytes of file {@code index} from {@code offset} (a read-only view of the
     * message, not a copy, valid until the next call or {@link #close}: the message's array is then
     * reused); empty at the end of the stream.
     *
     * @throws ShardlineException {@code CORRUPTED} if the stream holds another file or offset next
     */
    public ByteBuffer take(int index, long offset, int maxLength) {
        manifest();
        if (data == null || !data.hasRemaining()) {
            if (current != null) {
                ChunkMarshaller.recycle(current); // its views were written before this call
                current = null; // never recycled twice, even if next() throws
                data = null;
            }
            current = next();
            if (current == null) {
                return EMPTY;
            }
            data = current.getData().asReadOnlyByteBuffer().slice();
        }
        long at = current.getOffset() + data.position();
        if (current.getFileIndex() != index || at != offset) {
            throw new ShardlineException(ErrorCode.CORRUPTED, what + ": got file " + current.getFileIndex() + " at "
                    + at + ", wanted file " + index + " at " + offset);
        }
        int n = Math.min(maxLength, data.remaining());
        ByteBuffer out = data.slice();
        out.limit(n);
        data.position(data.position() + n);
        copied.addAndGet(n);
        return out;
    }

    /**
     * Writes file {@code index}'s bytes into {@code out} as they arrive; returns how many there were
     * (fewer than the manifest's size only if the stream ended early).
     */
    public long transferFile(int index, WritableByteChannel out) throws IOException {
        return ChunkCopy.copy(manifest().getFiles(index).getSize(), Integer.MAX_VALUE,
                (offset, max) -> take(index, offset, max), out);
    }

    /** Waits for the end of the stream after the last file. */
    public void awaitEnd() {
        awaitEnd(idleTimeout);
    }

    /** Waits up to {@code timeout} for the end of the stream after the last file (a commit point). */
    public void awaitEnd(Duration timeout) {
        if (next(timeout) != null) {
            throw new ShardlineException(ErrorCode.CORRUPTED, what + ": more data than the manifest lists");
        }
    }

    private ShardSnapshotChunk next() {
        return next(idleTimeout);
    }

    /** The next message (requesting one more), null at the end of the stream. */
    private ShardSnapshotChunk next(Duration timeout) {
        if (ended) {
            return null;
        }
        Object o;
        try {
            o = arrived.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel("interrupted");
            throw new ShardlineException(ErrorCode.CANCELLED, what + " interrupted");
        }
        if (cancelled != null) {
            throw new ShardlineException(ErrorCode.CANCELLED, cancelled);
        }
        if (o == null) {
            cancel("no data for " + timeout.toSeconds() + "s");
            throw new ShardlineException(ErrorCode.TIMEOUT, what + ": nothing arrived in " + timeout.toSeconds() + "s");
        }
        if (o == END) {
            ended = true;
            return null;
        }
        if (o instanceof Failure f) {
            ended = true;
            throw failures.apply(f.error());
        }
        requester.accept(1);
        return (ShardSnapshotChunk) o;
    }

    /** Aborts the transfer; {@code reason} becomes the message of the reader's {@code CANCELLED} error. */
    public void cancel(String reason) {
        if (cancelled == null) {
            cancelled = reason;
        }
        canceller.accept(reason);
        arrived.add(new Failure(new ShardlineException(ErrorCode.CANCELLED, reason)));
    }

    /**
     * Ends the call if the stream has not ended, and gives the arrays of the chunks it holds back to
     * the pool (views from {@link #take} are invalid afterwards). On the reading thread.
     */
    public void close() {
        if (!ended) {
            canceller.accept("transfer ended");
        }
        if (current != null) {
            ChunkMarshaller.recycle(current);
            current = null;
            data = null;
        }
        for (Object o; (o = arrived.poll()) != null; ) {
            if (o instanceof ShardSnapshotChunk c) {
                ChunkMarshaller.recycle(c);
            }
        }
    }
}
