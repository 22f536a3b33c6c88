package io.shardline.meta.ratis;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;

/**
 * The names meta nodes agree on without talking: one Raft group id for every Shardline meta cluster
 * (a name-based UUID) and a peer id derived from each member's Raft address. A member's
 * {@link RaftPeer} carries its Raft address as {@code address} and its MetaService address as
 * {@code clientAddress}. Stateless.
 */
public final class RaftIds {

    /** The Raft group of the meta nodes. */
    public static final RaftGroupId GROUP_ID =
            RaftGroupId.valueOf(UUID.nameUUIDFromBytes("shardline-meta-cluster".getBytes(StandardCharsets.UTF_8)));

    private RaftIds() {
    }

    /** The peer id of the member at this Raft address: the address with ':' replaced by '_'. */
    public static RaftPeerId peerId(String raftAddress) {
        return RaftPeerId.valueOf(raftAddress.replace(':', '_'));
    }

    /** A member; {@code httpAddress} (its MetaService) may be empty when not yet known. */
    public static RaftPeer peer(String raftAddress, String httpAddress) {
        RaftPeer.Builder b = RaftPeer.newBuilder().setId(peerId(raftAddress)).setAddress(raftAddress);
        if (!httpAddress.isEmpty()) {
            b.setClientAddress(httpAddress);
        }
        return b.build();
    }

    /** The MetaService address of a member, or "" if unknown. */
    public static String httpAddress(RaftPeer peer) {
        return peer.getClientAddress() == null ? "" : peer.getClientAddress();
    }
}
