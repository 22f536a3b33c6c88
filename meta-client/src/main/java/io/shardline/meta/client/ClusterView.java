package io.shardline.meta.client;

import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.ShardIndex;
import java.util.Objects;

/**
 * A data node's or tool's immutable view of the cluster: the metadata at one version plus lookup
 * indexes built once for it. Swapped atomically by {@link MetaClient}; safe to share between threads.
 */
public record ClusterView(ClusterMetadata metadata, ShardIndex shards) {

    /** The view before anything is known: empty metadata, version 0. */
    public static final ClusterView EMPTY = of(ClusterMetadata.EMPTY);

    public ClusterView {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(shards, "shards");
    }

    public static ClusterView of(ClusterMetadata metadata) {
        return new ClusterView(metadata, ShardIndex.of(metadata));
    }

    public long version() {
        return metadata.version();
    }
}
