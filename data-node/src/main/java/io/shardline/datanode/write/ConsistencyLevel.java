package io.shardline.datanode.write;

import io.shardline.common.error.ShardlineException;
import java.util.Locale;

/**
 * The {@code consistency} parameter of {@code /write}: how many owners of a shard must acknowledge
 * a write before it succeeds. Only {@link #ANY} counts a durable hinted-handoff enqueue.
 */
public enum ConsistencyLevel {
    ANY, ONE, QUORUM, ALL;

    /** Parses {@code any|one|quorum|all} case-insensitively; empty or null means {@link #ONE}. */
    public static ConsistencyLevel parse(String text) {
        if (text == null || text.isEmpty()) {
            return ONE;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "any" -> ANY;
            case "one" -> ONE;
            case "quorum" -> QUORUM;
            case "all" -> ALL;
            default -> throw ShardlineException.invalid("invalid consistency level");
        };
    }

    /** Acknowledgements needed from {@code owners} owners (at least 1). */
    public int required(int owners) {
        return switch (this) {
            case ANY, ONE -> 1;
            case QUORUM -> owners / 2 + 1;
            case ALL -> Math.max(1, owners);
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
