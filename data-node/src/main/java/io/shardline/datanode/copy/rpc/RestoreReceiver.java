package io.shardline.datanode.copy.rpc;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.rpc.RpcErrors;
import io.shardline.datanode.copy.ShardAdmin;
import io.shardline.proto.datanode.RestoreShardResponse;
import io.shardline.proto.datanode.ShardSnapshotChunk;
import io.shardline.transfer.ChunkReceiver;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner side of {@code RestoreShard}: receives a shard's files from {@code shardline-ctl restore}
 * through the transfer engine, stages and verifies them ({@link ShardAdmin#restore}), answers
 * {@code staged} (an InfluxDB shard's TSM files, or its archive, are unpacked and converted first), and installs the shard only when the client half-closes the stream (its commit, sent
 * once every owner has staged); a cancel or a commit that does not come within {@link #COMMIT_WAIT}
 * discards the staged files. Each restore runs on a worker thread. Thread-safe.
 */
final class RestoreReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreReceiver.class);
    static final Duration IDLE = Duration.ofSeconds(60);
    static final Duration COMMIT_WAIT = Duration.ofMinutes(30);
    /** The manifest's format of an InfluxDB shard's TSM files. */
    static final String TSM = "tsm";
    /** The manifest's format of an InfluxDB shard's archive of a portable backup, sent as it is (TSM files inside). */
    static final String TSM_ARCHIVE = "tsm.tar.gz";

    private final ShardAdmin admin;
    private final String selfAddress;
    private final Executor workers;

    RestoreReceiver(ShardAdmin admin, String selfAddress, Executor workers) {
        this.admin = admin;
        this.selfAddress = selfAddress;
        this.workers = workers;
    }

    StreamObserver<ShardSnapshotChunk> receive(StreamObserver<RestoreShardResponse> responses) {
        ServerCallStreamObserver<RestoreShardResponse> out = (ServerCallStreamObserver<RestoreShardResponse>) responses;
        ChunkReceiver rx = new ChunkReceiver("restore onto data node " + selfAddress, IDLE,
                t -> ShardlineException.wrap(t, ErrorCode.CANCELLED, "the restore stream to " + selfAddress + " failed"));
        rx.attach(out);
        workers.execute(() -> restore(rx, out));
        return rx;
    }

    private void restore(ChunkReceiver rx, ServerCallStreamObserver<RestoreShardResponse> out) {
        long shardId = 0;
        try {
            shardId = rx.manifest().getShardId();
            StreamedSnapshot files = new StreamedSnapshot("shardline-ctl restore", shardId, rx);
            Runnable commitPoint = () -> {
                out.onNext(RestoreShardResponse.newBuilder().setStaged(true).build());
                rx.awaitEnd(COMMIT_WAIT);
            };
            switch (rx.manifest().getFormat()) {
                case "" -> admin.restore(shardId, files, commitPoint);
                case TSM, TSM_ARCHIVE -> admin.restoreTsm(shardId, files, rx.manifest().getVersion(), commitPoint);
                default -> throw ShardlineException.invalid("unknown shard file format \""
                        + rx.manifest().getFormat() + "\"");
            }
            out.onCompleted();
        } catch (RuntimeException e) {
            LOG.warn("Restore of shard {} onto this node failed; nothing installed error=\"{}\"", shardId, e.getMessage());
            rx.cancel("restore failed");
            if (!out.isCancelled()) {
                out.onError(RpcErrors.toStatus(e));
            }
        } finally {
            rx.close(); // gives the received chunks' arrays back to the transfer engine's pool
        }
    }
}
