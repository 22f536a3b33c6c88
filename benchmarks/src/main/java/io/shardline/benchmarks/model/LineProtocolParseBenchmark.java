package io.shardline.benchmarks.model;

import io.shardline.model.Point;
import io.shardline.model.Precision;
import io.shardline.model.lp.LineProtocolParser;
import io.shardline.model.lp.LineProtocolStream;
import io.shardline.model.lp.ParseResult;
import io.shardline.model.lp.PointSink;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Line-protocol parsing throughput in lines per second: 5,000-line batches of the {@code cpu}
 * schema over 1,000 series (hosts), parsed whole or streamed in 8 KiB chunks, one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LineProtocolParseBenchmark {

    static final int LINES = 5_000;
    static final int SERIES = 1_000;
    static final int BATCHES = 4;
    static final long NOW = 1_700_000_000_000_000_000L;

    private final LineProtocolParser parser = new LineProtocolParser();
    private byte[][] batches;
    private int next;

    @Setup
    public void setUp() {
        batches = new byte[BATCHES][];
        long ts = 1_700_000_000_000_000_000L;
        for (int b = 0; b < BATCHES; b++) {
            StringBuilder body = new StringBuilder(LINES * 140);
            for (int i = 0; i < LINES; i++) {
                int host = (b * LINES + i) % SERIES;
                body.append("cpu,host=server-").append(String.format("%05d", host))
                        .append(",region=us-west-1,dc=dc-3 usage_user=12.5,usage_system=3.25,usage_idle=80.125,")
                        .append("usage_iowait=0.5,usage_irq=7i ").append(ts).append('\n');
                ts += 10_000_000L;
            }
            batches[b] = body.toString().getBytes(StandardCharsets.UTF_8);
        }
        ParseResult check = parser.parse(batches[0], Precision.NANOSECONDS, NOW);
        if (check.points().size() != LINES || check.hasErrors()) {
            throw new IllegalStateException("benchmark input does not parse: " + check.errorText());
        }
    }

    private byte[] nextBatch() {
        byte[] b = batches[next];
        next = (next + 1) % BATCHES;
        return b;
    }

    /** Whole 5,000-line body to a list of points. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public ParseResult parseBody() {
        return parser.parse(nextBatch(), Precision.NANOSECONDS, NOW);
    }

    /** The same body fed in 8 KiB chunks to a sink that consumes each point. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public void streamChunks(Blackhole bh) {
        byte[] body = nextBatch();
        LineProtocolStream stream = parser.stream(Precision.NANOSECONDS, NOW, new PointSink() {
            @Override
            public void point(Point point) {
                bh.consume(point);
            }

            @Override
            public void error(String message) {
                bh.consume(message);
            }
        });
        for (int i = 0; i < body.length; i += 8192) {
            stream.feed(body, i, Math.min(8192, body.length - i));
        }
        stream.finish();
    }
}
