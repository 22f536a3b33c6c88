package io.shardline.datanode.copy.rpc;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.rpc.RpcErrors;
import io.shardline.common.time.Clock;
import io.shardline.datanode.copy.OutgoingCopies;
import io.shardline.datanode.copy.ShardAdmin;
import io.shardline.datanode.copy.TsmShardExport;
import io.shardline.proto.datanode.ReadShardSnapshotRequest;
import io.shardline.proto.datanode.ShardSnapshotChunk;
import io.shardline.proto.datanode.ShardSnapshotManifest;
import io.shardline.proto.datanode.SnapshotFileMessage;
import io.shardline.storage.ShardSnapshot;
import io.shardline.storage.ShardStore;
import io.shardline.storage.SnapshotFile;
import io.shardline.transfer.ChunkSender;
import io.shardline.transfer.Readiness;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source side of a copy ({@code ReadShardSnapshot}): takes a consistent snapshot of the local
 * shard (a RocksDB checkpoint of hard links: writes to the shard go on unhindered), sends its manifest,
 * then every file in order as memory-mapped chunks through {@link ChunkSender}, on a sender thread that
 * waits whenever gRPC's flow control says the receiver is behind and honours the request's rate limit. The snapshot is
 * deleted when the stream ends, fails or is cancelled. Its log line times the snapshot (checkpoint and
 * checksums) and the sending apart. Thread-safe.
 */
final class SnapshotSender {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotSender.class);
    static final int CHUNK = ChunkSender.CHUNK;

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
        out.setOnReadyThreshold(ChunkSender.QUEUED);
        Readiness readiness = new Readiness(out);
        out.setOnReadyHandler(readiness::signal);
        out.setOnCancelHandler(readiness::cancel);
        senders.execute(() -> stream(request, out, readiness));
    }

    private void stream(ReadShardSnapshotRequest request, ServerCallStreamObserver<ShardSnapshotChunk> out,
                        Readiness readiness) {
        long shardId = request.getShardId();
        try {
            long t0 = clock.monotonicNanos();
            ShardStore store = admin.replica(shardId);
            long lastModified = store.lastModified(); // before the snapshot: any later change moves it
            try (ShardSnapshot snapshot = switch (request.getFormat()) {
                case "" -> store.snapshot();
                case RestoreReceiver.TSM -> TsmShardExport.of(store);
                default -> throw ShardlineException.invalid("unknown shard file format \"" + request.getFormat() + "\"");
            };
                 OutgoingCopies.Transfer transfer = outgoing.begin(selfAddress, request.getDestinationTcpAddress(),
                         store.id().database(), store.id().retentionPolicy(), shardId, total(snapshot),
                         clock.wallNanos())) {
                long t1 = clock.monotonicNanos(); // checkpoint taken, files checksummed
                ShardSnapshotManifest.Builder manifest = ShardSnapshotManifest.newBuilder()
                        .setDatabase(store.id().database()).setRetentionPolicy(store.id().retentionPolicy())
                        .setLastModified(lastModified);
                snapshot.files().forEach(f -> manifest.addFiles(SnapshotFileMessage.newBuilder().setName(f.name())
                        .setSize(f.size()).setCrc32C(f.crc32c())));
                ChunkSender.send(out, readiness, manifest.build(),
                        (i, offset, max) -> snapshot.readBuffer(snapshot.files().get(i).name(), offset, max),
                        request.getRateLimitBytesPerSecond(), ChunkSender.CHUNK, clock, transfer::sent);
                out.onCompleted();
                long t2 = clock.monotonicNanos();
                LOG.info("Sent shard snapshot {} to={} bytes={} snapshotMs={} sendMs={}", store.id(),
                        request.getDestinationTcpAddress(), total(snapshot), (t1 - t0) / 1_000_000,
                        (t2 - t1) / 1_000_000);
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

    private static long total(ShardSnapshot snapshot) {
        return snapshot.files().stream().mapToLong(SnapshotFile::size).sum();
    }
}
