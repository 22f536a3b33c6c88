package io.shardline.query.function;

/**
 * {@code mean}: sum and count. Integer input is summed in int64 like 1.x ({@code integerSum}); float input in
 * {@code floatSum}; {@code integer} tells which.
 */
public record MeanState(boolean integer, double floatSum, long integerSum, long count) implements PartialState {
}
