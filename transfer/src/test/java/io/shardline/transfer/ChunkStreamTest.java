package io.shardline.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.stub.CallStreamObserver;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.time.ManualClock;
import io.shardline.proto.datanode.ShardSnapshotChunk;
import io.shardline.proto.datanode.ShardSnapshotManifest;
import io.shardline.proto.datanode.SnapshotFileMessage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkStreamTest {

    /** Collects what the sender sends; always ready. */
    private static final class Collector extends CallStreamObserver<ShardSnapshotChunk> {
        final List<ShardSnapshotChunk> sent = new ArrayList<>();

        @Override public boolean isReady() { return true; }
        @Override public void setOnReadyHandler(Runnable r) { }
        @Override public void disableAutoInboundFlowControl() { }
        @Override public void request(int count) { }
        @Override public void setMessageCompression(boolean enable) { }
        @Override public void onNext(ShardSnapshotChunk value) { sent.add(value); }
        @Override public void onError(Throwable t) { }
        @Override public void onCompleted() { }
    }

    private static ShardSnapshotManifest manifest(byte[]... files) {
        ShardSnapshotManifest.Builder m = ShardSnapshotManifest.newBuilder().setDatabase("db").setRetentionPolicy("rp");
        for (int i = 0; i < files.length; i++) {
            m.addFiles(SnapshotFileMessage.newBuilder().setName("f" + i).setSize(files[i].length));
        }
        return m.build();
    }

    private static ChunkReceiver receiver() {
        return new ChunkReceiver("test stream", Duration.ofSeconds(5),
                t -> new ShardlineException(ErrorCode.UNAVAILABLE, t.getMessage()));
    }

    @Test
    void filesSentInChunksArriveWholeInOrder() throws Exception {
        long seed = System.nanoTime();
        System.out.println("seed=" + seed);
        Random random = new Random(seed);
        byte[][] files = {new byte[100_000], new byte[0], new byte[65_537]};
        for (byte[] f : files) {
            random.nextBytes(f);
        }
        Collector out = new Collector();
        List<Long> progress = new ArrayList<>();
        ChunkSender.send(out, new Readiness(out), manifest(files),
                (i, offset, max) -> ByteBuffer.wrap(files[i], (int) offset, Math.min(max, 1000 + random.nextInt(30_000))),
                0, 32 << 10, new ManualClock(), progress::add);
        assertThat(out.sent.get(0).hasManifest()).isTrue();
        assertThat(progress.stream().mapToLong(Long::longValue).sum()).isEqualTo(165_537);

        ChunkReceiver in = receiver();
        out.sent.forEach(in::onNext);
        in.onCompleted();
        assertThat(in.manifest().getFilesCount()).isEqualTo(3);
        for (int i = 0; i < files.length; i++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            assertThat(in.transferFile(i, Channels.newChannel(bytes))).isEqualTo(files[i].length);
            assertThat(bytes.toByteArray()).isEqualTo(files[i]);
        }
        in.awaitEnd();
        assertThat(in.copiedBytes()).isEqualTo(in.totalBytes()).isEqualTo(165_537);
    }

    @Test
    void aChunkAtTheWrongOffsetIsCorrupted() {
        ChunkReceiver in = receiver();
        in.onNext(ShardSnapshotChunk.newBuilder().setManifest(manifest(new byte[10])).build());
        in.onNext(ShardSnapshotChunk.newBuilder().setFileIndex(0).setOffset(4)
                .setData(ByteString.copyFrom(new byte[6])).build());
        assertThatThrownBy(() -> in.transferFile(0, Channels.newChannel(new ByteArrayOutputStream())))
                .isInstanceOfSatisfying(ShardlineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPTED))
                .hasMessageContaining("got file 0 at 4, wanted file 0 at 0");
    }

    @Test
    void aStreamEndingEarlyTransfersFewerBytesAndAnErrorIsTheSenders() throws Exception {
        ChunkReceiver in = receiver();
        in.onNext(ShardSnapshotChunk.newBuilder().setManifest(manifest(new byte[10], new byte[3])).build());
        in.onNext(ShardSnapshotChunk.newBuilder().setFileIndex(0).setData(ByteString.copyFrom(new byte[4])).build());
        in.onCompleted();
        assertThat(in.transferFile(0, Channels.newChannel(new ByteArrayOutputStream()))).isEqualTo(4);

        ChunkReceiver failing = receiver();
        failing.onError(new IllegalStateException("disk full on the sender"));
        assertThatThrownBy(failing::manifest).hasMessage("disk full on the sender");
    }

    @Test
    void aStreamWithoutManifestOrWithExtraDataIsRefused() {
        ChunkReceiver none = receiver();
        none.onCompleted();
        assertThatThrownBy(none::manifest).hasMessageContaining("no manifest");

        ChunkReceiver extra = receiver();
        extra.onNext(ShardSnapshotChunk.newBuilder().setManifest(manifest()).build());
        extra.onNext(ShardSnapshotChunk.newBuilder().setData(ByteString.copyFrom(new byte[1])).build());
        extra.manifest();
        assertThatThrownBy(extra::awaitEnd).hasMessageContaining("more data than the manifest lists");
    }
}
