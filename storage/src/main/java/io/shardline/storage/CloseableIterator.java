package io.shardline.storage;

import java.util.Iterator;

/**
 * An iterator over stored data that holds resources (a consistent read view, native handles) until
 * closed. Confined to one thread; close it in a try-with-resources block. Using it after it, or its
 * store, was closed fails with {@link io.shardline.common.error.ErrorCode#FAILED_PRECONDITION}.
 */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {

    /** Releases the resources; idempotent. */
    @Override
    void close();
}
