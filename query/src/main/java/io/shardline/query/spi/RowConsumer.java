package io.shardline.query.spi;

/** Receives the rows of a {@link ShardReader#scan}; the array may be reused after the call returns. */
@FunctionalInterface
public interface RowConsumer {

    /** One timestamp of a series with the requested field values (null = no value). */
    void accept(long time, Object[] values);
}
