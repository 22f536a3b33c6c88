package io.shardline.transfer;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import io.grpc.stub.CallStreamObserver;
import io.grpc.stub.ServerCallStreamObserver;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.rate.RateLimiter;
import io.shardline.common.time.Clock;
import io.shardline.proto.datanode.ShardSnapshotChunk;
import io.shardline.proto.datanode.ShardSnapshotManifest;
import io.shardline.proto.datanode.SnapshotFileMessage;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * The sending end of a file stream: the manifest (names, sizes, CRC-32C computed once per file by
 * whoever made it), then every file in order as chunks of up to {@code chunkSize} bytes. Each chunk is
 * a {@link ByteBuffer} from the {@link FileChunks}: an array is wrapped without copying, a memory-mapped
 * file region is copied once into a pooled array ({@link #bytes}) and from there into gRPC's transport
 * buffers. The thread waits whenever gRPC's
 * flow control says the receiver is behind ({@link Readiness}) and honours the rate limit; the
 * receiver checks each whole file against the manifest, so chunks carry no checksum of their own.
 * Stateless; runs on the caller's thread.
 */
public final class ChunkSender {

    /** The largest chunk between data nodes (their channels take messages up to 64 MiB). */
    public static final int CHUNK = 4 << 20;
    /** Chunks sent to a data node's server, whose message limit may be configured as low as 1 MiB. */
    public static final int SERVER_CHUNK = (1 << 20) - (16 << 10);
    private static final int MIN_CHUNK = 16 << 10;
    /**
     * The sending call's on-ready threshold: gRPC reports the stream ready while fewer bytes than this
     * wait in its queue. Its default, 32 KiB, is far below one chunk, so the next chunk would be read and
     * framed only once the previous one had left entirely and the link would idle meanwhile; with two
     * chunks' worth the next one is framed while the transport still sends. Set it on the call
     * ({@code ServerCallStreamObserver.setOnReadyThreshold}, {@code stub.withOnReadyThreshold}).
     */
    public static final int QUEUED = 2 * CHUNK;

    /** The bytes of the files named in the manifest. */
    @FunctionalInterface
    public interface FileChunks {
        /**
         * Up to {@code maxLength} bytes of file {@code index} from {@code offset}, at least one while
         * the file has bytes left; the buffer must not change after it is returned.
         */
        ByteBuffer read(int index, long offset, int maxLength);
    }

    private ChunkSender() {
    }

    /**
     * The chunk's bytes for its message. protobuf 4 wraps only an array without copying: a direct or
     * memory-mapped buffer would be copied into a new array of its size (zeroed first and, at 4 MiB,
     * allocated outside G1's young generation: a 1 GB transfer cost about a hundred collections). On a
     * server's stream, whose messages gRPC serializes as they are sent and never replays, such a
     * buffer is copied into one of {@link ChunkMarshaller}'s pooled arrays instead, which goes back to
     * the pool once the message was taken ({@link ChunkMarshaller#stream}).
     */
    private static ByteString bytes(ByteBuffer data, boolean pooling) {
        int n = data.remaining();
        if (data.hasArray() || !pooling || n < ChunkMarshaller.MIN_POOLED || n > ChunkMarshaller.POOLED) {
            return UnsafeByteOperations.unsafeWrap(data);
        }
        byte[] array = ChunkMarshaller.pooled();
        data.duplicate().get(array, 0, n);
        return UnsafeByteOperations.unsafeWrap(array, 0, n);
    }

    /** The manifest message of {@code files}. */
    public static ShardSnapshotChunk manifestChunk(ShardSnapshotManifest manifest) {
        return ShardSnapshotChunk.newBuilder().setManifest(manifest).build();
    }

    /**
     * Sends the manifest and the files; {@code sent} hears of every chunk's size. Does not complete
     * the stream.
     *
     * @param rate bytes per second, 0 for no limit (a limit also shrinks the chunks, to keep it smooth)
     */
    public static void send(CallStreamObserver<ShardSnapshotChunk> out, Readiness readiness,
                            ShardSnapshotManifest manifest, FileChunks chunks, long rate, int chunkSize, Clock clock,
                            LongConsumer sent) {
        readiness.await();
        out.onNext(manifestChunk(manifest));
        boolean pooling = out instanceof ServerCallStreamObserver;
        RateLimiter limiter = new RateLimiter(rate);
        int chunk = rate == 0 ? chunkSize : (int) Math.max(MIN_CHUNK, Math.min(chunkSize, rate / 8));
        for (int i = 0; i < manifest.getFilesCount(); i++) {
            SnapshotFileMessage f = manifest.getFiles(i);
            for (long offset = 0; offset < f.getSize(); ) {
                readiness.await();
                ByteBuffer data = chunks.read(i, offset, (int) Math.min(chunk, f.getSize() - offset));
                int n = data.remaining();
                if (n == 0) {
                    throw new ShardlineException(ErrorCode.INTERNAL, "file " + f.getName() + " ended at " + offset
                            + " of " + f.getSize() + " bytes");
                }
                long wait = limiter.acquire(n, clock.monotonicNanos());
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                    readiness.checkCancelled();
                }
                out.onNext(ShardSnapshotChunk.newBuilder().setFileIndex(i).setOffset(offset)
                        .setData(bytes(data, pooling)).build());
                sent.accept(n);
                offset += n;
            }
        }
    }
}
