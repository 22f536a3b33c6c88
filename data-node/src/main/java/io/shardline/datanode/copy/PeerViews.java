package io.shardline.datanode.copy;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What another data node says of its cluster view and of the writes it coordinates that are still in
 * flight, so a copy can tell when every coordinator routes writes of the shard to the new owner too and
 * none routed by an older view is still on its way. Thread-safe.
 */
public interface PeerViews {

    /**
     * One data node's answer.
     *
     * @param viewVersion the version of its view
     * @param oldestWriteInFlight the oldest view version a write or delete it coordinates is still waiting on
     *     some owner under ({@code Long.MAX_VALUE}: none); empty if it does not say (an older build)
     */
    record PeerView(long viewVersion, OptionalLong oldestWriteInFlight) {

        /** Whether the node routes by view {@code version} or a later one. */
        public boolean routesBy(long version) {
            return viewVersion >= version;
        }

        /** Whether the node is known to have no write in flight routed by a view older than {@code version}. */
        public boolean settledSince(long version) {
            return oldestWriteInFlight.isPresent() && oldestWriteInFlight.getAsLong() >= version;
        }
    }

    /** The answer of the data node at {@code address}, or empty if it did not answer in {@code timeout}. */
    Optional<PeerView> view(String address, Duration timeout);
}
