package io.shardline.query.exec;

import java.util.function.Supplier;

/**
 * Where the query engine declares the memory it is about to hold (buckets, merged cells, rows), so
 * that the node running it can refuse a query that would need an absurd amount instead of running
 * out of heap: {@link #reserve} throws the node's error once the query's share is used up. The
 * node installs the {@link Account} lookup once ({@link #install}); the default accepts everything.
 * The figures are estimates of heap bytes per item. Thread-safe.
 */
public final class QueryMemory {

    /** Bytes one raw row or output row is taken to cost, plus {@link #VALUE} per column. */
    public static final long ROW = 96;
    /** Bytes one aggregate cell (a group and bucket) is taken to cost, plus {@link #VALUE} per call. */
    public static final long CELL = 96;
    /** Bytes one value is taken to cost. */
    public static final long VALUE = 24;

    /** The memory account of the query running on the calling thread. */
    @FunctionalInterface
    public interface Account {
        /** Takes {@code bytes} more; throws (the node's limit error, or the query's stop reason) when refused. */
        void reserve(long bytes);
    }

    private static final Account NONE = bytes -> { };
    private static volatile Supplier<Account> lookup = () -> NONE;

    private QueryMemory() {
    }

    /** Sets how to find the current query's account (a data node does this once at start). */
    public static void install(Supplier<Account> accountLookup) {
        lookup = accountLookup;
    }

    /** Declares {@code bytes} more for the current query. */
    public static void reserve(long bytes) {
        lookup.get().reserve(bytes);
    }

    /** Declares {@code count} items of {@code each} bytes, saturating instead of overflowing. */
    public static void reserve(long count, long each) {
        reserve(count > 0 && each > 0 && count > Long.MAX_VALUE / each ? Long.MAX_VALUE : count * each);
    }
}
