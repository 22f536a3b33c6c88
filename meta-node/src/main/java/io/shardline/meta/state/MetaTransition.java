package io.shardline.meta.state;

import java.util.Objects;

/** The state after applying one command, and what the command's caller is told. */
public record MetaTransition(MetaState state, MetaResult result) {

    public MetaTransition {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(result, "result");
    }
}
