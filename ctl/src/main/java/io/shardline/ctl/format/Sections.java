package io.shardline.ctl.format;

/**
 * The titled blocks influxd-ctl prints: a title, an underline of ten {@code =} whatever the title's
 * length ({@code Data Nodes}, {@code Raft Status}, {@code Shards}, {@code Entropy}), then the body.
 * Stateless.
 */
public final class Sections {

    /** The underline under every title: always ten characters. */
    public static final String UNDERLINE = "==========";

    private Sections() {
    }

    /** {@code title}, the underline, then {@code body} (which ends with its own newline). */
    public static String section(String title, String body) {
        return title + "\n" + UNDERLINE + "\n" + body;
    }
}
