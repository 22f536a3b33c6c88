package io.shardline.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.net.HostPort;
import io.shardline.common.rpc.GrpcChannels;
import io.shardline.common.rpc.GrpcServer;
import io.shardline.common.time.Clock;
import io.shardline.proto.datanode.DataNodeServiceGrpc;
import io.shardline.proto.datanode.ReadShardSnapshotRequest;
import io.shardline.proto.datanode.RestoreShardResponse;
import io.shardline.proto.datanode.ShardSnapshotChunk;
import io.shardline.proto.datanode.ShardSnapshotManifest;
import io.shardline.proto.datanode.SnapshotFileMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class ChunkMarshallerTest {

    private static ShardSnapshotChunk chunk(byte[] data) {
        return ShardSnapshotChunk.newBuilder().setFileIndex(3).setOffset(1L << 33)
                .setData(ByteString.copyFrom(data)).build();
    }

    @Test
    void parsesWhatTheDefaultMarshallerWritesWithoutCopyingTheData() throws Exception {
        long seed = System.nanoTime();
        System.out.println("seed=" + seed);
        byte[] data = new byte[(4 << 20) + 100]; // above gRPC's 4 MiB array path
        new Random(seed).nextBytes(data);
        ShardSnapshotChunk sent = chunk(data);
        try (InputStream wire = DataNodeServiceGrpc.getReadShardSnapshotMethod().streamResponse(sent)) {
            ShardSnapshotChunk got = ChunkMarshaller.INSTANCE.parse(wire);
            assertThat(got).isEqualTo(sent);
            // a view of the message's one array, not a copy of the bytes out of it
            assertThat(got.getData().getClass().getSimpleName()).isEqualTo("BoundedByteString");
        }
        ShardSnapshotChunk manifest = ChunkSender.manifestChunk(ShardSnapshotManifest.newBuilder().setDatabase("db")
                .addFiles(SnapshotFileMessage.newBuilder().setName("000012.sst").setSize(7).setCrc32C(-5)).build());
        assertThat(ChunkMarshaller.INSTANCE.parse(ChunkMarshaller.INSTANCE.stream(manifest))).isEqualTo(manifest);
    }

    @Test
    void aChunkSizedMessageIsReadIntoAPooledArrayThatTheReceiverGivesBack() throws Exception {
        long seed = System.nanoTime();
        System.out.println("seed=" + seed);
        Random random = new Random(seed);
        byte[] first = new byte[ChunkSender.CHUNK];
        byte[] second = new byte[ChunkSender.CHUNK - 1];
        random.nextBytes(first);
        random.nextBytes(second);
        ChunkReceiver rx = new ChunkReceiver("test", java.time.Duration.ofSeconds(5),
                t -> new io.shardline.common.error.ShardlineException(io.shardline.common.error.ErrorCode.INTERNAL,
                        t.getMessage()));
        rx.onNext(ChunkSender.manifestChunk(ShardSnapshotManifest.newBuilder().addFiles(SnapshotFileMessage.newBuilder()
                .setName("f").setSize(first.length + second.length)).build()));
        ShardSnapshotChunk a = parse(ShardSnapshotChunk.newBuilder().setData(ByteString.copyFrom(first)).build());
        rx.onNext(a);
        rx.onCompleted();
        assertThat(io.shardline.common.io.ChunkCopy.toArray(rx.take(0, 0, Integer.MAX_VALUE))).isEqualTo(first);
        // the receiver moves past the first chunk: its array goes back to the pool and holds the next message
        long made = ChunkMarshaller.pooledArraysMade();
        assertThat(rx.take(0, first.length, 1).hasRemaining()).isFalse(); // end of stream
        ShardSnapshotChunk b = parse(ShardSnapshotChunk.newBuilder().setOffset(first.length)
                .setData(ByteString.copyFrom(second)).build());
        assertThat(ChunkMarshaller.pooledArraysMade()).as("array reused").isEqualTo(made);
        assertThat(b.getData().toByteArray()).isEqualTo(second);
        rx.close();

        // data not read by this marshaller is never taken into the pool
        ChunkMarshaller.recycle(ShardSnapshotChunk.newBuilder().setData(ByteString.copyFrom(
                new byte[ChunkMarshaller.POOLED])).build());
        ChunkMarshaller.recycle(b);
        made = ChunkMarshaller.pooledArraysMade();
        ShardSnapshotChunk c = parse(ShardSnapshotChunk.newBuilder().setData(ByteString.copyFrom(first)).build());
        assertThat(c.getData().toByteArray()).isEqualTo(first);
        assertThat(ChunkMarshaller.pooledArraysMade()).isEqualTo(made);
    }

    private static ShardSnapshotChunk parse(ShardSnapshotChunk chunk) throws Exception {
        try (InputStream wire = DataNodeServiceGrpc.getReadShardSnapshotMethod().streamResponse(chunk)) {
            return ChunkMarshaller.INSTANCE.parse(wire);
        }
    }

    @Test
    void refusesBytesThatAreNoChunk() {
        byte[] wire = chunk(new byte[1000]).toByteArray();
        byte[] truncated = java.util.Arrays.copyOf(wire, wire.length - 10);
        assertThatThrownBy(() -> ChunkMarshaller.INSTANCE.parse(new ByteArrayInputStream(truncated)))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL));
    }

    @Test
    void theServiceDefinitionReceivesRestoresAndSendsSnapshotsThroughIt() {
        ServerServiceDefinition plain = new DataNodeServiceGrpc.DataNodeServiceImplBase() { }.bindService();
        ServerServiceDefinition swapped = ChunkMarshaller.receivingChunks(plain);
        assertThat(swapped.getMethods()).hasSameSizeAs(plain.getMethods());
        assertThat(swapped.getMethod(DataNodeServiceGrpc.getRestoreShardMethod().getFullMethodName())
                .getMethodDescriptor().getRequestMarshaller()).isSameAs(ChunkMarshaller.INSTANCE);
        assertThat(swapped.getMethod(DataNodeServiceGrpc.getReadShardSnapshotMethod().getFullMethodName())
                .getMethodDescriptor().getResponseMarshaller()).isSameAs(ChunkMarshaller.INSTANCE);
        String other = DataNodeServiceGrpc.getCopyShardMethod().getFullMethodName();
        assertThat(swapped.getMethod(other).getMethodDescriptor()).isSameAs(plain.getMethod(other).getMethodDescriptor());
    }

    /** Files of several chunks, one above gRPC's 4 MiB array path, both ways over a real loopback connection. */
    @Test
    void filesCrossALoopbackConnectionBothWays() throws Exception {
        long seed = System.nanoTime();
        System.out.println("seed=" + seed);
        Random random = new Random(seed);
        byte[][] files = {new byte[9 << 20], new byte[0], new byte[(1 << 20) + 12_345]};
        for (byte[] f : files) {
            random.nextBytes(f);
        }
        ShardSnapshotManifest.Builder m = ShardSnapshotManifest.newBuilder().setDatabase("db").setShardId(7);
        for (int i = 0; i < files.length; i++) {
            CRC32C crc = new CRC32C();
            crc.update(files[i]);
            m.addFiles(SnapshotFileMessage.newBuilder().setName("f" + i).setSize(files[i].length)
                    .setCrc32C((int) crc.getValue()));
        }
        ShardSnapshotManifest manifest = m.build();
        ChunkSender.FileChunks chunks = (i, offset, max) -> ByteBuffer.wrap(files[i], (int) offset,
                (int) Math.min(max, files[i].length - offset)).slice();
        ExecutorService threads = Executors.newCachedThreadPool();
        CompletableFuture<byte[][]> restored = new CompletableFuture<>();
        DataNodeServiceGrpc.DataNodeServiceImplBase service = new DataNodeServiceGrpc.DataNodeServiceImplBase() {
            @Override
            public void readShardSnapshot(ReadShardSnapshotRequest request, StreamObserver<ShardSnapshotChunk> o) {
                ServerCallStreamObserver<ShardSnapshotChunk> out = (ServerCallStreamObserver<ShardSnapshotChunk>) o;
                out.setOnReadyThreshold(ChunkSender.QUEUED);
                Readiness readiness = new Readiness(out);
                out.setOnReadyHandler(readiness::signal);
                out.setOnCancelHandler(readiness::cancel);
                threads.execute(() -> {
                    ChunkSender.send(out, readiness, manifest, chunks, 0, ChunkSender.CHUNK, Clock.system(), n -> { });
                    out.onCompleted();
                });
            }

            @Override
            public StreamObserver<ShardSnapshotChunk> restoreShard(StreamObserver<RestoreShardResponse> o) {
                ServerCallStreamObserver<RestoreShardResponse> out = (ServerCallStreamObserver<RestoreShardResponse>) o;
                ChunkReceiver rx = receiver();
                rx.attach(out);
                threads.execute(() -> {
                    try {
                        restored.complete(readAll(rx));
                        out.onNext(RestoreShardResponse.newBuilder().setStaged(true).build());
                        out.onCompleted();
                    } catch (Exception e) {
                        restored.completeExceptionally(e);
                        out.onError(e);
                    }
                });
                return rx;
            }
        };
        GrpcServer server = new GrpcServer("test", HostPort.parse("127.0.0.1:0"), "bind-address")
                .addService(ChunkMarshaller.receivingChunks(service.bindService()));
        server.start();
        ManagedChannel channel = GrpcChannels.builder(server.boundAddress().toString(), null)
                .maxInboundMessageSize(64 << 20).build();
        try {
            ChunkReceiver rx = receiver();
            ChunkMarshaller.readShardSnapshot(DataNodeServiceGrpc.newStub(channel),
                    ReadShardSnapshotRequest.newBuilder().setShardId(7).build(), rx);
            assertThat(rx.manifest()).isEqualTo(manifest);
            assertThat(readAll(rx)).isEqualTo(files);

            CompletableFuture<Void> done = new CompletableFuture<>();
            Sending sending = new Sending(done);
            DataNodeServiceGrpc.newStub(channel).withOnReadyThreshold(ChunkSender.QUEUED).restoreShard(sending);
            ChunkSender.send(sending.call, sending.readiness, manifest, chunks, 0, ChunkSender.SERVER_CHUNK,
                    Clock.system(), n -> { });
            sending.call.onCompleted();
            assertThat(restored.get(30, TimeUnit.SECONDS)).isEqualTo(files);
            done.get(30, TimeUnit.SECONDS);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            server.close();
            threads.shutdownNow();
        }
    }

    private static ChunkReceiver receiver() {
        return new ChunkReceiver("test stream", Duration.ofSeconds(30),
                t -> new ShardlineException(ErrorCode.UNAVAILABLE, String.valueOf(t.getMessage())));
    }

    private static byte[][] readAll(ChunkReceiver rx) throws Exception {
        byte[][] out = new byte[rx.manifest().getFilesCount()][];
        for (int i = 0; i < out.length; i++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            rx.transferFile(i, Channels.newChannel(bytes));
            out[i] = bytes.toByteArray();
        }
        rx.awaitEnd();
        return out;
    }

    /** The client end of a restore stream. */
    private static final class Sending
            implements io.grpc.stub.ClientResponseObserver<ShardSnapshotChunk, RestoreShardResponse> {
        private final CompletableFuture<Void> done;
        io.grpc.stub.ClientCallStreamObserver<ShardSnapshotChunk> call;
        Readiness readiness;

        Sending(CompletableFuture<Void> done) {
            this.done = done;
        }

        @Override
        public void beforeStart(io.grpc.stub.ClientCallStreamObserver<ShardSnapshotChunk> requestStream) {
            call = requestStream;
            readiness = new Readiness(requestStream);
            requestStream.setOnReadyHandler(readiness::signal);
        }

        @Override public void onNext(RestoreShardResponse value) { }
        @Override public void onError(Throwable t) { readiness.cancel(); done.completeExceptionally(t); }
        @Override public void onCompleted() { done.complete(null); }
    }
}
