package io.shardline.query.function;

/** {@code count}: the number of values. */
public record CountState(long count) implements PartialState {
}
