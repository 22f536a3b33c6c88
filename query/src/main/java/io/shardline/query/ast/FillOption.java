package io.shardline.query.ast;

/** The {@code fill()} choice for empty GROUP BY time buckets; NULL is the default. */
public enum FillOption {
    NULL, NONE, NUMBER, PREVIOUS, LINEAR
}
