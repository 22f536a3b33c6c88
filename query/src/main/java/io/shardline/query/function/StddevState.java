package io.shardline.query.function;

/** {@code stddev}: count, mean and sum of squared deviations (Welford), merged with Chan's formula. */
public record StddevState(long count, double mean, double m2) implements PartialState {
}
