package io.shardline.ctl.backup;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Prints a large shard's progress while {@link ShardFetcher} streams it: the first line ends the
 * shard's open {@code Backing up node ...... } line, then one indented line per {@link TransferProgress}
 * report, e.g. {@code   shard 4: 1073741824 of 5368709120 bytes (20%), 102.4 MB/s}. Called on the
 * fetching thread only.
 */
final class ShardProgressPrinter implements ShardFetcher.Progress {

    private final PrintWriter out;
    private final LongSupplier nanos;
    private final Duration every;
    private final long minTotal;
    private final long shardId;
    private TransferProgress progress;

    /**
     * @param nanos    the clock (nanoseconds) the lines are timed by
     * @param every    the least time between two lines
     * @param minTotal the smallest shard (bytes of its files) that gets progress lines
     */
    ShardProgressPrinter(PrintWriter out, LongSupplier nanos, Duration every, long minTotal, long shardId) {
        this.out = out;
        this.nanos = nanos;
        this.every = every;
        this.minTotal = minTotal;
        this.shardId = shardId;
    }

    @Override
    public void started(long totalBytes) {
        progress = new TransferProgress(totalBytes, minTotal, every, nanos.getAsLong());
    }

    @Override
    public void transferred(long bytes) {
        String line = progress.transferred(bytes, nanos.getAsLong());
        if (line == null) {
            return;
        }
        if (progress.lines() == 1) {
            out.println();
        }
        out.println("  shard " + shardId + ": " + line);
        out.flush();
    }

    /** Whether any progress line was printed (the shard's open line was ended). */
    boolean printed() {
        return progress != null && progress.lines() > 0;
    }
}
