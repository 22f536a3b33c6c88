package io.shardline.datanode.copy;

import io.shardline.common.error.ShardlineException;
import java.util.Optional;

/**
 * How a finished copy ended: its last progress and, unless it succeeded, the error it failed with
 * ({@code CANCELLED} when it was killed). Immutable.
 */
public record CopyOutcome(CopyProgress progress, ShardlineException error) {

    public boolean succeeded() {
        return error == null;
    }

    public Optional<ShardlineException> failure() {
        return Optional.ofNullable(error);
    }
}
