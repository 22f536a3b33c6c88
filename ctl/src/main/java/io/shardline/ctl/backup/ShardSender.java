package io.shardline.ctl.backup;

import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.io.ShardArchiveReader;
import io.shardline.common.io.TarFormat;
import io.shardline.common.time.Clock;
import io.shardline.ctl.backup.BackupManifest.ArchivedFile;
import io.shardline.ctl.backup.BackupManifest.ShardEntry;
import io.shardline.ctl.datanode.DataNodeConnections;
import io.shardline.proto.datanode.RestoreShardResponse;
import io.shardline.proto.datanode.ShardSnapshotChunk;
import io.shardline.proto.datanode.ShardSnapshotManifest;
import io.shardline.proto.datanode.SnapshotFileMessage;
import io.shardline.transfer.ChunkSender;
import io.shardline.transfer.Readiness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Sends one shard archive to one owner over {@code RestoreShard} in two phases: {@link #stage} streams
 * the files (the owner stages and verifies them and answers {@code staged}), {@link #commit} half-closes
 * the stream so the owner installs the shard, {@link #abort} cancels it so the owner discards it. One
 * instance per owner and shard; stage on the caller's thread, commit/abort from any.
 */
final class ShardSender implements ClientResponseObserver<ShardSnapshotChunk, RestoreShardResponse> {

    private final String node;
    private final long targetShardId;
    private final CountDownLatch staged = new CountDownLatch(1);
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile ClientCallStreamObserver<ShardSnapshotChunk> call;
    private volatile Readiness readiness;
    private long bytes;

    ShardSender(String node, long targetShardId) {
        this.node = node;
        this.targetShardId = targetShardId;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<ShardSnapshotChunk> requestStream) {
        call = requestStream;
        readiness = new Readiness(requestStream);
        requestStream.setOnReadyHandler(readiness::signal);
    }

    @Override
    public void onNext(RestoreShardResponse value) {
        if (value.getStaged()) {
            staged.countDown();
        }
    }

    @Override
    public void onError(Throwable t) {
        if (readiness != null) {
            readiness.cancel();
        }
        done.completeExceptionally(DataNodeConnections.failure(node, "restore shard " + targetShardId, t));
        staged.countDown();
    }

    @Override
    public void onCompleted() {
        done.complete(null);
        staged.countDown();
    }

    /** Streams the archive's files and waits until the owner staged and verified them; returns the bytes sent. */
    long stage(DataNodeConnections nodes, Path dir, ShardEntry entry, ShardPayload payload, long version, Clock clock) {
        ShardSnapshotManifest.Builder manifest = ShardSnapshotManifest.newBuilder().setDatabase(entry.database())
                .setRetentionPolicy(entry.policy()).setShardId(targetShardId).setLastModified(entry.lastModified())
                .setFormat(payload.format()).setVersion(version);
        for (ArchivedFile f : payload.files()) {
            manifest.addFiles(SnapshotFileMessage.newBuilder().setName(f.name()).setSize(f.size()).setCrc32C(f.crc32c()));
        }
        nodes.streamingStub(node).withOnReadyThreshold(ChunkSender.QUEUED).restoreShard(this);
        Path path = dir.resolve(entry.fileName());
        try (ShardArchiveReader archive = payload.whole() ? null : new ShardArchiveReader(path);
             FileChannel raw = payload.whole() ? FileChannel.open(path, StandardOpenOption.READ) : null) {
            int[] at = {-1};
            ChunkSender.send(call, readiness, manifest.build(), (i, offset, max) -> {
                try {
                    return raw != null ? read(raw, offset, max) : next(archive, entry, payload, at, i, max);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, 0, ChunkSender.SERVER_CHUNK, clock, n -> bytes += n);
        } catch (IOException | UncheckedIOException e) {
            abort("cannot read the archive");
            throw new ShardlineException(ErrorCode.CORRUPTED, "cannot read archive " + entry.fileName() + " of shard "
                    + entry.shardId() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            abort("restore failed");
            throw e;
        }
        await(staged);
        if (done.isCompletedExceptionally()) {
            join();
        }
        return bytes;
    }

    /** Up to {@code max} bytes of file {@code i} of the archive, moving to it first; files are in manifest order. */
    private static ByteBuffer next(ShardArchiveReader archive, ShardEntry entry, ShardPayload payload, int[] at, int i,
                                   int max) throws IOException {
        while (at[0] < i) { // empty files are never read
            at[0]++;
            String wanted = payload.archiveNames().get(at[0]);
            TarFormat.Entry e = archive.next();
            if (e == null || !e.name().equals(wanted)) {
                throw new ShardlineException(ErrorCode.CORRUPTED, "archive " + entry.fileName() + " of shard "
                        + entry.shardId() + " does not hold " + wanted + " next");
            }
        }
        return archive.read(max);
    }

    /** Up to {@code max} bytes of an archive sent whole, from {@code offset}. */
    private static ByteBuffer read(FileChannel file, long offset, int max) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(max);
        while (b.hasRemaining()) {
            if (file.read(b, offset + b.position()) < 0) {
                throw new IOException("the archive ended at " + (offset + b.position()) + " bytes; it changed during the restore");
            }
        }
        return b.flip();
    }

    /** The owner installs the shard; waits until it has. */
    void commit() {
        call.onCompleted();
        join();
    }

    private void join() {
        try {
            done.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    void abort(String reason) {
        ClientCallStreamObserver<ShardSnapshotChunk> c = call;
        if (c != null && !done.isDone()) {
            c.cancel(reason, null);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            while (!latch.await(1, TimeUnit.SECONDS)) {
                continue;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShardlineException(ErrorCode.CANCELLED, "interrupted");
        }
    }
}
