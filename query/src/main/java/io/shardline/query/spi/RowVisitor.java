package io.shardline.query.spi;

/** Receives the rows of a bounded scan; the array may be reused after the call returns. */
@FunctionalInterface
public interface RowVisitor {

    /** One timestamp of a series with the requested field values (null = no value); false stops the scan. */
    boolean visit(long time, Object[] values);
}
