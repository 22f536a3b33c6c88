package io.shardline.query.function;

/** {@code sum}: the running sum, a Double, Long or Unsigned (null when empty). */
public record SumState(Object sum) implements PartialState {
}
