package io.shardline.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.io.FileChecksums;
import io.shardline.common.rpc.GrpcChannels;
import io.shardline.common.time.Clock;
import io.shardline.proto.datanode.DataNodeServiceGrpc;
import io.shardline.proto.datanode.ReadShardSnapshotRequest;
import io.shardline.proto.datanode.ShardSnapshotChunk;
import io.shardline.proto.datanode.ShardSnapshotManifest;
import io.shardline.proto.datanode.SnapshotFileMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine end to end over a real gRPC connection on loopback (Netty, the data nodes' channel
 * settings): memory-mapped files sent by {@link ChunkSender} through the sending side of
 * {@link ChunkMarshaller}, received by {@link ChunkReceiver} into files, every file checked against
 * the sender's CRC-32C. {@code -Dshardline.transfer.loopbackMiB=N} sends N MiB (default 64) and
 * prints the time taken: a harness for profiling the engine's per-byte path with JFR.
 */
class ChunkStreamLoopbackTest {

    private static final int FILES = 3;

    @TempDir
    Path dir;
    private Server server;
    private ManagedChannel channel;
    private final ExecutorService senders = Executors.newCachedThreadPool();
    private Path source;

    @BeforeEach
    void start() throws IOException {
        source = Files.createDirectories(dir.resolve("source"));
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .initialFlowControlWindow(GrpcChannels.FLOW_CONTROL_WINDOW)
                .maxInboundMessageSize(64 << 20)
                .addService(ChunkMarshaller.receivingChunks(new DataNodeServiceGrpc.DataNodeServiceImplBase() {
                    @Override
                    public void readShardSnapshot(ReadShardSnapshotRequest request,
                                                  StreamObserver<ShardSnapshotChunk> observer) {
                        serve(request, (ServerCallStreamObserver<ShardSnapshotChunk>) observer);
                    }
                }.bindService()))
                .build().start();
        channel = GrpcChannels.builder("127.0.0.1:" + server.getPort(), null).maxInboundMessageSize(64 << 20).build();
    }

    @AfterEach
    void stop() throws InterruptedException {
        channel.shutdownNow();
        server.shutdownNow();
        senders.shutdownNow();
        server.awaitTermination(10, TimeUnit.SECONDS);
        channel.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** The source side: every file of {@link #source} memory-mapped chunk by chunk, as a data node sends. */
    private void serve(ReadShardSnapshotRequest request, ServerCallStreamObserver<ShardSnapshotChunk> out) {
        out.setOnReadyThreshold(ChunkSender.QUEUED);
        Readiness readiness = new Readiness(out);
        out.setOnReadyHandler(readiness::signal);
        out.setOnCancelHandler(readiness::cancel);
        senders.execute(() -> {
            try {
                ShardSnapshotManifest.Builder manifest = ShardSnapshotManifest.newBuilder().setDatabase("db")
                        .setRetentionPolicy("rp");
                for (int i = 0; i < FILES; i++) {
                    Path f = source.resolve("f" + i);
                    manifest.addFiles(SnapshotFileMessage.newBuilder().setName(f.getFileName().toString())
                            .setSize(Files.size(f)).setCrc32C(FileChecksums.crc32c(f)));
                }
                ChunkSender.send(out, readiness, manifest.build(), (i, offset, max) -> {
                    try (FileChannel ch = FileChannel.open(source.resolve("f" + i), StandardOpenOption.READ)) {
                        return ch.map(FileChannel.MapMode.READ_ONLY, offset, Math.min(max, ch.size() - offset));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, request.getRateLimitBytesPerSecond(), ChunkSender.CHUNK, Clock.system(), n -> { });
                out.onCompleted();
            } catch (IOException | RuntimeException e) {
                if (!readiness.cancelled()) {
                    out.onError(e);
                }
            }
        });
    }

    @Test
    void filesCrossARealConnectionIntactInLargeChunks() throws IOException {
        long seed = System.nanoTime();
        System.out.println("seed=" + seed);
        Random random = new Random(seed);
        long mib = Long.getLong("shardline.transfer.loopbackMiB", 64);
        // uneven sizes: a chunk boundary inside every file, one file below one chunk
        long[] sizes = {mib * (1 << 20) * 5 / 8 + 12_345, mib * (1 << 20) * 3 / 8 - 12_345 - 777, 777};
        byte[] block = new byte[1 << 20];
        for (int i = 0; i < FILES; i++) {
            try (FileChannel f = FileChannel.open(source.resolve("f" + i), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                for (long left = sizes[i]; left > 0; left -= block.length) {
                    random.nextBytes(block);
                    f.write(ByteBuffer.wrap(block, 0, (int) Math.min(block.length, left)));
                }
            }
        }
        int rounds = Integer.getInteger("shardline.transfer.loopbackRounds", 1);
        for (int round = 0; round < rounds; round++) {
            Path target = Files.createDirectories(dir.resolve("target" + round));
            long arrays = ChunkMarshaller.pooledArraysMade();
            long t0 = System.nanoTime();
            long[] cpu0 = cpuTicks();
            ChunkReceiver rx = new ChunkReceiver("loopback", Duration.ofSeconds(60),
                    t -> new ShardlineException(ErrorCode.UNAVAILABLE, t.getMessage()));
            ChunkMarshaller.readShardSnapshot(DataNodeServiceGrpc.newStub(channel),
                    ReadShardSnapshotRequest.newBuilder().setShardId(1).build(), rx);
            ShardSnapshotManifest manifest = rx.manifest();
            assertThat(manifest.getFilesCount()).isEqualTo(FILES);
            for (int i = 0; i < FILES; i++) {
                SnapshotFileMessage f = manifest.getFiles(i);
                CRC32C crc = new CRC32C();
                try (FileChannel out = FileChannel.open(target.resolve(f.getName()), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    long n = rx.transferFile(i, checksummed(out, crc));
                    assertThat(n).as(f.getName()).isEqualTo(sizes[i]);
                }
                assertThat((int) crc.getValue()).as(f.getName()).isEqualTo(f.getCrc32C());
            }
            rx.awaitEnd();
            long took = System.nanoTime() - t0;
            long[] cpu1 = cpuTicks();
            System.out.printf("round %d: %d MiB in %.3f s, CPU user %d ticks, system %d ticks%n", round, mib,
                    took / 1e9, cpu1[0] - cpu0[0], cpu1[1] - cpu0[1]);
            // both ends take their chunks' arrays from the pool and give them back: far fewer than one per chunk
            assertThat(ChunkMarshaller.pooledArraysMade() - arrays).as("pooled arrays made")
                    .isLessThanOrEqualTo(2 * ChunkMarshaller.POOL);
            for (int i = 0; i < FILES; i++) {
                assertThat(Files.mismatch(source.resolve("f" + i), target.resolve("f" + i))).isEqualTo(-1L);
                Files.delete(target.resolve("f" + i));
            }
        }
    }

    /** This process's user and system CPU time in clock ticks (Linux), zeros elsewhere. */
    private static long[] cpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
        } catch (IOException | RuntimeException e) {
            return new long[2];
        }
    }

    private static WritableByteChannel checksummed(FileChannel out, CRC32C crc) {
        return new WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) throws IOException {
                int n = src.remaining();
                crc.update(src.duplicate());
                while (src.hasRemaining()) {
                    out.write(src);
                }
                return n;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        };
    }
}
