package io.shardline.meta.state;

import io.shardline.common.error.ErrorCode;
import io.shardline.meta.model.ClusterMetadata;

/**
 * What a command handler decided: the next metadata (before the version is stamped) and the result.
 * On failure {@code metadata} is null and the state stays as it was.
 */
record Outcome(ClusterMetadata metadata, MetaResult result) {

    static Outcome ok(ClusterMetadata metadata, Object value) {
        return new Outcome(metadata, MetaResult.ok(value));
    }

    static Outcome fail(ErrorCode code, String message) {
        return new Outcome(null, MetaResult.failure(code, message));
    }

    boolean failed() {
        return !result.isOk();
    }
}
