package io.shardline.query.function;

/** The serialisable partial state of an aggregate (see {@link PartialStateCodec}). Immutable. */
public sealed interface PartialState permits CountState, SumState, MeanState, SpreadState,
        SelectorState, SampleState, SampleColumns, DistinctState, ModeState, ReservoirState {
}
