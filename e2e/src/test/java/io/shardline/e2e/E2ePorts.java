package io.shardline.e2e;

/**
 * Base ports of the multi-process tests. Each test class owns a fixed range below Linux's ephemeral
 * ports; {@code -Dshardline.e2e.portOffset=N} (default 0) shifts every range by N so that two
 * checkouts can run the suite side by side on one machine (keep N a multiple of 200 below 1000: the
 * ranges of two classes are at least 1000 apart and one cluster uses fewer than 200 ports).
 */
final class E2ePorts {
    private static final int OFFSET = Integer.getInteger("shardline.e2e.portOffset", 0);

    private E2ePorts() {
    }

    /** The base port a test class prefers, shifted by the configured offset. */
    static int base(int preferred) {
        int base = preferred + OFFSET;
        if (base + 200 > 32768) { // Linux hands out 32768-60999 to outgoing connections: a node could not bind
            throw new IllegalStateException("e2e base port " + base + " reaches Linux's ephemeral range (32768+)");
        }
        return base;
    }
}
