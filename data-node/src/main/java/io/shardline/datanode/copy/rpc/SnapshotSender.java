package io.shardline.datanode.copy.rpc;

import com.google.protobuf.ByteString;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.rpc.RpcErrors;
import io.shardline.common.time.Clock;
import io.shardline.datanode.copy.OutgoingCopies;
import io.shardline.datanode.copy.ShardAdmin;
import io.shardline.datanode.handoff.RateLimiter;
import io.shardline.proto.datanode.ReadShardSnapshotRequest;
import io.shardline.proto.datanode.ShardSnapshotChunk;
import io.shardline.proto.datanode.ShardSnapshotManifest;
import io.shardline.proto.datanode.SnapshotFileMessage;
import io.shardline.storage.ShardSnapshot;
import io.shardline.storage.ShardStore;
import io.shardline.storage.SnapshotFile;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source side of a copy ({@code ReadShardSnapshot}): takes a consistent snapshot of the local
 * shard (a RocksDB checkpoint of hard links: writes to the shard go on unhindered), sends its manifest,
 * then every file in order in chunks with their CRC-32C, on a sender thread that waits whenever gRPC's
 * flow control says the receiver is behind and honours the request's rate limit. The snapshot is
 * deleted when the stream ends, fails or is cancelled. Thread-safe.
 */
final class SnapshotSender {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotSender.class);
    static final int CHUNK = 1 << 20;
    private static final int MIN_CHUNK = 16 << 10;

    private final ShardAdmin admin;
    private final OutgoingCopies outgoing;
    private final String selfAddress;
    private final Clock clock;
    private final Executor senders;

    SnapshotSender(ShardAdmin admin, OutgoingCopies outgoing, String selfAddress, Clock clock, Executor senders) {
        this.admin = admin;
        this.outgoing = outgoing;
        this.selfAddress = selfAddress;
        this.clock = clock;
        this.senders = senders;
    }

    void send(ReadShardSnapshotRequest request, StreamObserver<ShardSnapshotChunk> observer) {
        ServerCallStreamObserver<ShardSnapshotChunk> out = (ServerCallStreamObserver<ShardSnapshotChunk>) observer;
        Readiness readiness = new Readiness(out);
        out.setOnReadyHandler(readiness::signal);
        out.setOnCancelHandler(readiness::cancel);
        senders.execute(() -> stream(request, out, readiness));
    }

    private void stream(ReadShardSnapshotRequest request, ServerCallStreamObserver<ShardSnapshotChunk> out,
                        Readiness readiness) {
        long shardId = request.getShardId();
        try {
            ShardStore store = admin.replica(shardId);
            long lastModified = store.lastModified(); // before the snapshot: any later change moves it
            try (ShardSnapshot snapshot = store.snapshot();
                 OutgoingCopies.Transfer transfer = outgoing.begin(selfAddress, request.getDestinationTcpAddress(),
                         store.id().database(), store.id().retentionPolicy(), shardId, total(snapshot),
                         clock.wallNanos())) {
                ShardSnapshotManifest.Builder manifest = ShardSnapshotManifest.newBuilder()
                        .setDatabase(store.id().database()).setRetentionPolicy(store.id().retentionPolicy())
                        .setLastModified(lastModified);
                snapshot.files().forEach(f -> manifest.addFiles(SnapshotFileMessage.newBuilder().setName(f.name())
                        .setSize(f.size()).setCrc32C(f.crc32c())));
                readiness.await();
                out.onNext(ShardSnapshotChunk.newBuilder().setManifest(manifest).build());
                sendFiles(snapshot, request.getRateLimitBytesPerSecond(), out, readiness, transfer);
                out.onCompleted();
                LOG.info("Sent shard snapshot {} to={} bytes={}", store.id(), request.getDestinationTcpAddress(),
                        total(snapshot));
            }
        } catch (ShardlineException e) {
            if (!readiness.cancelled()) {
                out.onError(RpcErrors.toStatus(e));
            } else {
                LOG.info("Shard snapshot transfer cancelled by the receiver shard={} to={}", shardId,
                        request.getDestinationTcpAddress());
            }
        } catch (RuntimeException e) {
            if (!readiness.cancelled()) {
                out.onError(RpcErrors.toStatus(e));
            }
        }
    }

    private void sendFiles(ShardSnapshot snapshot, long rate, ServerCallStreamObserver<ShardSnapshotChunk> out,
                           Readiness readiness, OutgoingCopies.Transfer transfer) {
        RateLimiter limiter = new RateLimiter(rate);
        int chunk = rate == 0 ? CHUNK : (int) Math.max(MIN_CHUNK, Math.min(CHUNK, rate / 8));
        for (int i = 0; i < snapshot.files().size(); i++) {
            SnapshotFile f = snapshot.files().get(i);
            for (long offset = 0; offset < f.size(); ) {
                readiness.await();
                byte[] data = snapshot.read(f.name(), offset, (int) Math.min(chunk, f.size() - offset));
                if (data.length == 0) {
                    throw new ShardlineException(ErrorCode.INTERNAL, "snapshot file " + f.name() + " ended at " + offset);
                }
                long wait = limiter.acquire(data.length, clock.monotonicNanos());
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                    readiness.checkCancelled();
                }
                CRC32C crc = new CRC32C();
                crc.update(data);
                out.onNext(ShardSnapshotChunk.newBuilder().setFileIndex(i).setOffset(offset)
                        .setData(ByteString.copyFrom(data)).setCrc32C((int) crc.getValue()).build());
                transfer.sent(data.length);
                offset += data.length;
            }
        }
    }

    private static long total(ShardSnapshot snapshot) {
        return snapshot.files().stream().mapToLong(SnapshotFile::size).sum();
    }

    /** Flow control: the sender thread waits here until gRPC can take more, or the call is cancelled. */
    private static final class Readiness {

        private final ServerCallStreamObserver<?> out;
        private volatile boolean cancelled;

        Readiness(ServerCallStreamObserver<?> out) {
            this.out = out;
        }

        synchronized void signal() {
            notifyAll();
        }

        synchronized void cancel() {
            cancelled = true;
            notifyAll();
        }

        boolean cancelled() {
            return cancelled;
        }

        void checkCancelled() {
            if (cancelled) {
                throw new ShardlineException(ErrorCode.CANCELLED, "the receiver cancelled the transfer");
            }
        }

        synchronized void await() {
            while (!cancelled && !out.isReady()) {
                try {
                    wait(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ShardlineException(ErrorCode.CANCELLED, "interrupted");
                }
            }
            checkCancelled();
        }
    }
}
