package io.shardline.datanode.copy.rpc;

import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.datanode.copy.IncomingSnapshot;
import io.shardline.proto.datanode.ReadShardSnapshotRequest;
import io.shardline.proto.datanode.ShardSnapshotChunk;
import io.shardline.proto.datanode.ShardSnapshotManifest;
import io.shardline.proto.datanode.SnapshotFileMessage;
import io.shardline.storage.SnapshotFile;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

/**
 * The receiving end of {@code ReadShardSnapshot}: a {@link IncomingSnapshot} whose reads take the
 * stream's chunks in order, checking each chunk's CRC-32C and that it is the file and offset the
 * ingest asks for. Flow control is manual: {@value #PREFETCH} chunks are requested ahead, one more
 * per chunk consumed, so a slow disk slows the source down instead of filling memory. A read that
 * waits longer than the idle timeout fails with {@code TIMEOUT}. Reads on one thread; the gRPC
 * callbacks and {@link #cancel} on others.
 */
final class StreamedSnapshot implements IncomingSnapshot,
        ClientResponseObserver<ReadShardSnapshotRequest, ShardSnapshotChunk> {

    static final int PREFETCH = 4;
    private static final Object END = new Object();

    private record Failure(Throwable error) {
    }

    private final String source;
    private final long shardId;
    private final Duration idleTimeout;
    private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    private final AtomicLong copied = new AtomicLong();
    private volatile ClientCallStreamObserver<ReadShardSnapshotRequest> call;
    private volatile String cancelled;
    private volatile ShardSnapshotManifest manifest;
    private List<SnapshotFile> files;
    private volatile long totalBytes;
    private ShardSnapshotChunk current;
    private int position;
    private boolean ended;

    StreamedSnapshot(String source, long shardId, Duration idleTimeout) {
        this.source = source;
        this.shardId = shardId;
        this.idleTimeout = idleTimeout;
    }

    // ---- gRPC callbacks ----------------------------------------------------------------------------

    @Override
    public void beforeStart(ClientCallStreamObserver<ReadShardSnapshotRequest> requestStream) {
        call = requestStream;
        requestStream.disableAutoRequestWithInitial(PREFETCH);
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

    // ---- the reading side --------------------------------------------------------------------------

    /** Waits for the manifest, the stream's first message, unless it is there. */
    private void awaitManifest() {
        if (manifest != null) {
            return;
        }
        ShardSnapshotChunk first = next(idleTimeout);
        if (first == null || !first.hasManifest()) {
            throw new ShardlineException(ErrorCode.INTERNAL, "data node " + source
                    + " sent no manifest for shard " + shardId);
        }
        files = first.getManifest().getFilesList().stream().map(StreamedSnapshot::file).toList();
        totalBytes = files.stream().mapToLong(SnapshotFile::size).sum();
        manifest = first.getManifest();
    }

    private static SnapshotFile file(SnapshotFileMessage m) {
        return new SnapshotFile(m.getName(), m.getSize(), m.getCrc32C());
    }

    @Override
    public String database() {
        awaitManifest();
        return manifest.getDatabase();
    }

    @Override
    public String retentionPolicy() {
        awaitManifest();
        return manifest.getRetentionPolicy();
    }

    @Override
    public List<SnapshotFile> files() {
        awaitManifest();
        return files;
    }

    @Override
    public long sourceLastModified() {
        awaitManifest();
        return manifest.getLastModified();
    }

    @Override
    public long totalBytes() {
        return totalBytes;
    }

    @Override
    public long copiedBytes() {
        return copied.get();
    }

    @Override
    public byte[] read(String name, long offset, int maxLength) {
        awaitManifest();
        if (current == null || position == current.getData().size()) {
            current = next(idleTimeout);
            position = 0;
            if (current == null) {
                return new byte[0];
            }
            verify(current);
        }
        SnapshotFile expected = files.get(current.getFileIndex());
        if (!expected.name().equals(name) || current.getOffset() + position != offset) {
            throw new ShardlineException(ErrorCode.CORRUPTED, "snapshot of shard " + shardId + " from " + source
                    + ": got " + expected.name() + "@" + (current.getOffset() + position) + ", wanted " + name + "@"
                    + offset);
        }
        int n = Math.min(maxLength, current.getData().size() - position);
        byte[] out = current.getData().substring(position, position + n).toByteArray();
        position += n;
        copied.addAndGet(n);
        return out;
    }

    private void verify(ShardSnapshotChunk chunk) {
        CRC32C crc = new CRC32C();
        crc.update(chunk.getData().asReadOnlyByteBuffer());
        if ((int) crc.getValue() != chunk.getCrc32C() || chunk.getFileIndex() < 0
                || chunk.getFileIndex() >= files.size()) {
            throw new ShardlineException(ErrorCode.CORRUPTED, "snapshot of shard " + shardId + " from " + source
                    + ": chunk of file " + chunk.getFileIndex() + " at " + chunk.getOffset() + " failed its check");
        }
    }

    /** The next chunk (requesting one more), null at the end of the stream. */
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
            throw new ShardlineException(ErrorCode.CANCELLED, "copy of shard " + shardId + " interrupted");
        }
        if (cancelled != null) {
            throw new ShardlineException(ErrorCode.CANCELLED, cancelled);
        }
        if (o == null) {
            cancel("no data for " + timeout.toSeconds() + "s");
            throw new ShardlineException(ErrorCode.TIMEOUT, "data node " + source + " sent nothing for shard "
                    + shardId + " in " + timeout.toSeconds() + "s");
        }
        if (o == END) {
            ended = true;
            return null;
        }
        if (o instanceof Failure f) {
            ended = true;
            throw GrpcShardSource.failure(source, "read snapshot of shard " + shardId, f.error());
        }
        call.request(1);
        return (ShardSnapshotChunk) o;
    }

    @Override
    public void cancel(String reason) {
        if (cancelled == null) {
            cancelled = reason;
        }
        ClientCallStreamObserver<ReadShardSnapshotRequest> c = call;
        if (c != null) {
            c.cancel(reason, null);
        }
        arrived.add(new Failure(new ShardlineException(ErrorCode.CANCELLED, reason)));
    }

    @Override
    public void close() {
        if (!ended) {
            ClientCallStreamObserver<ReadShardSnapshotRequest> c = call;
            if (c != null) {
                c.cancel("copy ended", null);
            }
        }
    }

    @Override
    public String toString() {
        return "snapshot of shard " + shardId + " from " + source + (files == null ? "" : " files=" + files);
    }
}
