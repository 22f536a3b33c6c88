package io.shardline.datanode.copy;

/**
 * The steps of a copy on the destination, in order, and the source's one step. A copy that ends
 * (done, failed or killed) is no longer listed as in progress.
 *
 * <pre>
 * PULLING -> ADDING_OWNER -> CATCHING_UP -> (done)
 *     \____________\______________\______-> (failed / killed: rolled back)
 * </pre>
 */
public enum CopyPhase {
    /**
     * Receiving the snapshot's files into a hidden temporary directory, checking them, moving them
     * into place and opening the shard.
     */
    PULLING("pulling"),
    /** Adding this node to the shard's owners in meta. */
    ADDING_OWNER("adding-owner"),
    /** Applying what the source received while the copy ran (digest diff and patch). */
    CATCHING_UP("catching-up"),
    /** Source side: streaming the snapshot. */
    SENDING("sending");

    private final String label;

    CopyPhase(String label) {
        this.label = label;
    }

    /** The lower-case name shown to operators. */
    public String label() {
        return label;
    }
}
