package io.shardline.datanode.copy;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * The version of another data node's cluster view, so a copy can tell when every coordinator
 * routes writes of the shard to the new owner too. Thread-safe.
 */
public interface PeerViews {

    /** The view version of the data node at {@code address}, or empty if it did not answer in {@code timeout}. */
    OptionalLong viewVersion(String address, Duration timeout);
}
