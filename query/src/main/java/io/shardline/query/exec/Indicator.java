package io.shardline.query.exec;

/**
 * One technical-analysis indicator over a stream of values (1.x's {@code gota} algorithms): {@link #add} takes
 * the next value in output order and answers the indicator's current value. Single-use, not thread-safe.
 */
interface Indicator {

    /** Adds the next value and returns the indicator's value after it. */
    double add(double v);

    /** How many values the indicator needs before its output is meaningful (1.x's default hold period). */
    int warmCount();
}
