package io.shardline.meta.ratis;

/**
 * One meta node's Raft position now, with its {@link RaftHistory}: its role ({@code LEADER},
 * {@code FOLLOWER}, {@code CANDIDATE}, or {@code NONE} before it joined), current term, the leader it
 * knows ("" if none), and its last committed and applied indexes. Immutable.
 */
public record RaftStatus(String self, String role, long term, String leader, long commitIndex, long appliedIndex,
                         RaftHistory.View history) {
}
