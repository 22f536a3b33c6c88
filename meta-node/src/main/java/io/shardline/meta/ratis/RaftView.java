package io.shardline.meta.ratis;

import java.util.List;
import java.util.Objects;

/**
 * What one meta node knows of the Raft group at one moment: whether it is a member, the leader's
 * Raft address ("" when none is known) and the Raft addresses of all current members. Immutable.
 */
public record RaftView(boolean joined, boolean selfIsLeader, String leader, List<String> members) {

    public RaftView {
        Objects.requireNonNull(leader, "leader");
        members = List.copyOf(members);
    }

    /** The view of a node outside any Raft group. */
    public static RaftView unjoined() {
        return new RaftView(false, false, "", List.of());
    }

    /** The members other than {@code self}, as {@code /status} lists them. */
    public List<String> peersOtherThan(String self) {
        return members.stream().filter(m -> !m.equals(self)).toList();
    }
}
