package io.shardline.benchmarks.tsm;

import io.shardline.model.FieldType;
import io.shardline.tsm.block.BlockCodec;
import io.shardline.tsm.block.BlockValues;
import io.shardline.tsm.block.ByteOut;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * TSM block encode and decode throughput in values per second, one thread, blocks of 1000 values
 * as InfluxDB writes them: timestamps every 10 s (RLE), floats on a random walk (Gorilla), integer
 * counters (simple8b), booleans, unsigned gauges and short strings from a small vocabulary (Snappy).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TsmCodecBenchmark {

    static final int VALUES = 1000;

    @Param({"FLOAT", "INTEGER", "UNSIGNED", "BOOLEAN", "STRING"})
    public FieldType type;

    private final BlockCodec codec = new BlockCodec();
    private final ByteOut out = new ByteOut(64 * 1024);
    private final BlockValues decoded = new BlockValues(VALUES);
    private BlockValues values;
    private byte[] block;

    @Setup
    public void setUp() {
        values = block(type, new Random(42));
        out.reset();
        codec.encode(values, 0, VALUES, out);
        block = out.toByteArray();
    }

    /** One block of {@code type}. */
    static BlockValues block(FieldType type, Random r) {
        BlockValues v = new BlockValues(VALUES);
        v.reset(type);
        long t = 1_700_000_000_000_000_000L;
        double walk = 50;
        long counter = 0;
        String[] words = {"ok", "warning", "critical", "unknown"};
        for (int i = 0; i < VALUES; i++, t += 10_000_000_000L) {
            walk += r.nextGaussian();
            counter += r.nextInt(100);
            switch (type) {
                case FLOAT -> v.add(t, Double.doubleToRawLongBits(Math.round(walk * 100) / 100.0));
                case INTEGER -> v.add(t, counter);
                case UNSIGNED -> v.add(t, r.nextInt(1 << 20));
                case BOOLEAN -> v.add(t, r.nextInt(10) == 0 ? 1 : 0);
                case STRING -> v.addString(t, words[r.nextInt(4)] + " host-" + r.nextInt(50));
                default -> throw new AssertionError(type);
            }
        }
        return v;
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public int encode() {
        out.reset();
        codec.encode(values, 0, VALUES, out);
        return out.size();
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public long decode() {
        codec.decode(block, 0, block.length, decoded);
        return decoded.time(VALUES - 1);
    }
}
