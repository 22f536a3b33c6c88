package io.shardline.meta.client;

import io.shardline.meta.model.NodeInfo;
import java.util.Objects;

/**
 * A registered node and the version it last announced to the meta leader; {@code version} is empty
 * when the node is not live (no announcement within {@code [meta] announcement-expiration}).
 */
public record NodeStatus(NodeInfo node, String version) {

    public NodeStatus {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(version, "version");
    }

    public boolean live() {
        return !version.isEmpty();
    }
}
