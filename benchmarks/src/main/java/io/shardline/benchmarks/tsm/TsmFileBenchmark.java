package io.shardline.benchmarks.tsm;

import io.shardline.model.FieldType;
import io.shardline.tsm.TsmShardReader;
import io.shardline.tsm.TsmShardWriter;
import io.shardline.tsm.block.BlockValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole-file TSM throughput in values per second, one thread: writing a shard of 1,000 series x 5
 * fields x 200 values (1 M values, every field type) through {@link TsmShardWriter}, and reading it
 * back through {@link TsmShardReader} (index walk, CRC checks, decoding, merge). Files live in a
 * temporary directory on the local disk.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class TsmFileBenchmark {

    static final int SERIES = 1000;
    static final int PER_KEY = 200;
    static final FieldType[] FIELDS = {FieldType.BOOLEAN, FieldType.FLOAT, FieldType.INTEGER, FieldType.STRING,
        FieldType.UNSIGNED};
    static final int TOTAL = SERIES * 5 * PER_KEY;

    private Path dir;
    private List<Path> files;
    private byte[][] keys;
    private BlockValues[] values;
    private int run;

    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("tsm-bench");
        Random r = new Random(7);
        keys = new byte[SERIES * FIELDS.length][];
        values = new BlockValues[FIELDS.length];
        for (int f = 0; f < FIELDS.length; f++) {
            values[f] = TsmCodecBenchmark.block(FIELDS[f], r);
        }
        int k = 0;
        for (int s = 0; s < SERIES; s++) {
            for (FieldType t : FIELDS) {
                keys[k++] = String.format("cpu,host=server-%05d#!~#f_%s", s, t).getBytes(StandardCharsets.UTF_8);
            }
        }
        files = write(dir.resolve("read"));
    }

    private List<Path> write(Path into) throws IOException {
        Files.createDirectories(into);
        BlockValues part = new BlockValues(PER_KEY);
        try (TsmShardWriter w = new TsmShardWriter(into, 1)) {
            for (int k = 0; k < keys.length; k++) {
                BlockValues v = values[k % FIELDS.length];
                part.reset(v.type());
                for (int i = 0; i < PER_KEY; i++) {
                    part.addFrom(v, i);
                }
                w.write(keys[k], part);
            }
            return w.finish();
        }
    }

    @Benchmark
    @OperationsPerInvocation(TOTAL)
    public List<Path> writeShard() throws IOException {
        Path into = dir.resolve("w" + run++);
        List<Path> out = write(into);
        deleteTree(into);
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(TOTAL)
    public long readShard() {
        long n = 0;
        try (TsmShardReader r = TsmShardReader.open(files)) {
            while (r.next()) {
                n += r.values().size();
            }
        }
        if (n != TOTAL) {
            throw new IllegalStateException("read " + n + " values, expected " + TOTAL);
        }
        return n;
    }

    @TearDown
    public void tearDown() throws IOException {
        deleteTree(dir);
    }

    private static void deleteTree(Path d) throws IOException {
        try (Stream<Path> s = Files.walk(d)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
