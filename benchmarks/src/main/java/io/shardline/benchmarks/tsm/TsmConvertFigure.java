package io.shardline.benchmarks.tsm;

import com.sun.management.OperatingSystemMXBean;
import io.shardline.common.io.FileChecksums;
import io.shardline.common.time.Clock;
import io.shardline.config.Config;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.config.data.StorageConfig;
import io.shardline.datanode.copy.TsmShardConverter;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import io.shardline.storage.ShardId;
import io.shardline.storage.SnapshotFile;
import io.shardline.storage.SnapshotSource;
import io.shardline.storage.rocks.RocksShardEngine;
import io.shardline.tsm.TsmFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The data node's half of a portable restore in isolation: the TSM files of one InfluxDB shard
 * (e.g. extracted from an {@code influxd backup -portable} archive) converted into a RocksDB shard
 * through the engine's ingest path ({@link TsmShardConverter}: staging copy, decoding, bulk load,
 * flush), {@code runs} times into fresh shards of one engine. Prints per run the wall time, the CPU
 * seconds of the whole process (JIT and RocksDB threads included) and of the converting thread (the
 * critical path when the other cores are free), and values/s: on a loaded machine the CPU figures are
 * the ones to compare.
 * {@code java -cp ... io.shardline.benchmarks.tsm.TsmConvertFigure DIR_WITH_TSM_FILES [runs]}
 */
public final class TsmConvertFigure {

    private TsmConvertFigure() {
    }

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<SnapshotFile> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(source)) {
            for (Path p : s.filter(p -> p.toString().endsWith(TsmFormat.EXTENSION) || p.toString().endsWith(".tombstone"))
                    .sorted().toList()) {
                files.add(new SnapshotFile(p.getFileName().toString(), Files.size(p), FileChecksums.crc32c(p)));
            }
        }
        Path root = Files.createTempDirectory("tsm-convert");
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        StorageConfig config = StorageConfig.from(Config.defaults(DataNodeConfig.DEFINITION)
                .with(StorageConfig.DIR, root.resolve("data").toString())
                .with(StorageConfig.WAL_DIR, root.resolve("wal").toString()));
        RocksShardEngine engine = new RocksShardEngine(config, Clock.system());
        engine.start();
        try {
            for (int run = 1; run <= runs; run++) {
                ShardGroupInfo group = new ShardGroupInfo(run, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2, 0, 0,
                        List.of(new ShardInfo(run, List.of(4L))));
                TsmShardConverter converter = new TsmShardConverter(group, run, 1L << 20);
                long cpu0 = os.getProcessCpuTime();
                long own0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                engine.ingest(new ShardId("bench", "autogen", run), directory(source, files), converter, () -> { });
                double wall = (System.nanoTime() - t0) / 1e9;
                double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
                double own = (threads.getCurrentThreadCpuTime() - own0) / 1e9;
                System.out.printf("run %d: %,d values in %.2f s wall (%,.0f values/s), %.2f CPU-s (%,.0f values per CPU-s),"
                        + " %.2f CPU-s on the converting thread%n",
                        run, converter.points(), wall, converter.points() / wall, cpu, converter.points() / cpu, own);
            }
        } finally {
            engine.close();
            try (Stream<Path> s = Files.walk(root)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The files of {@code dir} as a snapshot source, as the transfer engine hands them to the ingest. */
    private static SnapshotSource directory(Path dir, List<SnapshotFile> files) {
        return new SnapshotSource() {
            @Override
            public List<SnapshotFile> files() {
                return files;
            }

            @Override
            public byte[] read(String name, long offset, int maxLength) {
                try (FileChannel ch = FileChannel.open(dir.resolve(name))) {
                    ByteBuffer b = ByteBuffer.allocate((int) Math.min(maxLength, Math.max(0, ch.size() - offset)));
                    while (b.hasRemaining() && ch.read(b, offset + b.position()) > 0) {
                        continue;
                    }
                    return b.array();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
