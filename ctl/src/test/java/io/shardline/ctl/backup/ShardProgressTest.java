package io.shardline.ctl.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.time.ManualClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Progress lines while a large shard streams: bytes of the total and rate, at most one per interval. */
class ShardProgressTest {

    private static final long MB = 1_000_000;

    @Test
    void aLineAtMostEveryIntervalWithTheRateSinceThePreviousOne() {
        TransferProgress p = new TransferProgress(100 * MB, 10 * MB, Duration.ofSeconds(5), 0);
        assertThat(p.transferred(20 * MB, 4_999_999_999L)).as("not yet 5 s").isNull();
        assertThat(p.transferred(5 * MB, 5_000_000_000L)).isEqualTo("25000000 of 100000000 bytes (25%), 5.0 MB/s");
        assertThat(p.transferred(10 * MB, 6_000_000_000L)).as("1 s after the last line").isNull();
        assertThat(p.transferred(10 * MB, 7_500_000_000L)).isNull();
        assertThat(p.transferred(5 * MB, 10_000_000_000L)).isEqualTo("50000000 of 100000000 bytes (50%), 5.0 MB/s");
        assertThat(p.transferred(50 * MB, 60_000_000_000L)).as("the end: the closing line reports it").isNull();
        assertThat(p.bytes()).isEqualTo(100 * MB);
        assertThat(p.lines()).isEqualTo(2);
    }

    @Test
    void ratesInDecimalUnitsFromBytesToGigabytes() {
        assertThat(TransferProgress.rate(999)).isEqualTo("999 B/s");
        assertThat(TransferProgress.rate(10_240)).isEqualTo("10.2 kB/s");
        assertThat(TransferProgress.rate(214_748_364.8)).isEqualTo("214.7 MB/s");
        assertThat(TransferProgress.rate(1.5e9)).isEqualTo("1.50 GB/s");
    }

    @Test
    void aSmallShardNeverGetsALine() {
        TransferProgress p = new TransferProgress(9 * MB, 10 * MB, Duration.ofSeconds(5), 0);
        assertThat(p.transferred(MB, 60_000_000_000L)).isNull();
        assertThat(p.lines()).isZero();
        TransferProgress empty = new TransferProgress(0, 0, Duration.ofSeconds(5), 0);
        assertThat(empty.transferred(0, 60_000_000_000L)).isNull();
    }

    @Test
    void thePrinterEndsTheOpenLineThenPrintsIndentedLines() {
        ManualClock clock = new ManualClock();
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.print("Backing up node n1:8088, db telegraf, rp autogen, shard 4... ");
        ShardProgressPrinter printer = new ShardProgressPrinter(out, clock::wallNanos, Duration.ofSeconds(5),
                64L << 20, 4);
        printer.started(200 * MB);
        for (int second = 1; second <= 12; second++) {
            clock.advance(Duration.ofSeconds(1));
            printer.transferred(10 * MB);
        }
        assertThat(printer.printed()).isTrue();
        assertThat(text.toString()).isEqualTo("Backing up node n1:8088, db telegraf, rp autogen, shard 4... \n"
                + "  shard 4: 50000000 of 200000000 bytes (25%), 10.0 MB/s\n"
                + "  shard 4: 100000000 of 200000000 bytes (50%), 10.0 MB/s\n");
    }

    @Test
    void aSmallShardLeavesTheOpenLineAlone() {
        ManualClock clock = new ManualClock();
        StringWriter text = new StringWriter();
        ShardProgressPrinter printer = new ShardProgressPrinter(new PrintWriter(text), clock::wallNanos,
                Duration.ofSeconds(5), 64L << 20, 4);
        printer.started(MB);
        clock.advance(Duration.ofMinutes(1));
        printer.transferred(MB / 2);
        assertThat(printer.printed()).isFalse();
        assertThat(text.toString()).isEmpty();
    }
}
