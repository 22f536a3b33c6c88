package io.shardline.query.function;

/** {@code spread}: the smallest and largest value seen (same numeric type), both null when empty. */
public record SpreadState(Object min, Object max) implements PartialState {
}
