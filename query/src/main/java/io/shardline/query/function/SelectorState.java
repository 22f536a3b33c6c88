package io.shardline.query.function;

/** {@code min/max/first/last}: the selected point (value null when empty) with its time and aux values. */
public record SelectorState(long time, Object value, Object[] aux) implements PartialState {
}
