package io.shardline.datanode.query;

import io.grpc.Context;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

/**
 * The points a query has read from storage so far, for {@code [cluster] max-select-point} (InfluxDB 1.x's
 * iterator statistic {@code PointN}). One instance rides in the query's gRPC {@link Context}: the shard
 * readers running for the query add to it ({@link #add}), wherever they run: on the coordinator for its own
 * shards, and on an owner for a shard it is asked for, where the owner's instance reports what it counted
 * to the coordinator with the result stream ({@link #drain}), which adds it to the query's instance. A row
 * counts once per timestamp read (all its fields together); a primitive block counts its values. Thread-safe.
 */
public final class ScannedPoints {

    static final Context.Key<ScannedPoints> KEY = Context.key("shardline-scanned-points");

    private final LongAdder total = new LongAdder();
    private final LongAdder undrained = new LongAdder();
    private final LongConsumer onAdd;

    /** A counter that nobody is told about. */
    public ScannedPoints() {
        this(n -> { });
    }

    /** @param onAdd called with the new total after each addition, on the reading thread */
    public ScannedPoints(LongConsumer onAdd) {
        this.onAdd = onAdd;
    }

    /** {@code context} with this counter as the one its readers add to. */
    public Context attachTo(Context context) {
        return context.withValue(KEY, this);
    }

    /** The counter of the current context; null when the current work counts for nobody. */
    public static ScannedPoints current() {
        return KEY.get();
    }

    /** Adds {@code n} points read to the current context's counter, if any. */
    public static void addCurrent(long n) {
        ScannedPoints p = KEY.get();
        if (p != null && n > 0) {
            p.add(n);
        }
    }

    public void add(long n) {
        total.add(n);
        undrained.add(n);
        onAdd.accept(total.sum());
    }

    /** Every point counted so far. */
    public long total() {
        return total.sum();
    }

    /** The points counted since the last drain, left as they are. */
    public long pending() {
        return undrained.sum();
    }

    /** The points counted since the last drain (an owner reports them to the coordinator). */
    public long drain() {
        return undrained.sumThenReset();
    }
}
