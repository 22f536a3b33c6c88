package io.shardline.meta.client;

import io.shardline.meta.model.NodeInfo;
import java.util.Objects;

/**
 * A registered node and the version it last announced to the meta leader; {@code version} is empty
 * when the node is not live (no announcement within {@code [meta] announcement-expiration}). {@code https}:
 * the node announced that its HTTP API is HTTPS (false when not live).
 */
public record NodeStatus(NodeInfo node, String version, boolean https) {

    public NodeStatus {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(version, "version");
    }

    public NodeStatus(NodeInfo node, String version) {
        this(node, version, false);
    }

    /** {@code https} or {@code http}, as Enterprise's {@code /show-cluster} calls it. */
    public String httpScheme() {
        return https ? "https" : "http";
    }

    public boolean live() {
        return !version.isEmpty();
    }
}
