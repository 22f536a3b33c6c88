package io.shardline.storage.rocks;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.storage.ShardId;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Keeps a store's native handles alive while anything uses them: every operation and cursor step
 * holds the read side; closing takes the write side, closes the open cursors and then the database.
 * After close, operations fail with {@link ErrorCode#FAILED_PRECONDITION}. Thread-safe.
 */
final class StoreGuard {

    private final ShardId id;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Set<DataCursor> cursors = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    StoreGuard(ShardId id) {
        this.id = id;
    }

    void enter() {
        lock.readLock().lock();
        if (closed) {
            lock.readLock().unlock();
            throw new ShardlineException(ErrorCode.FAILED_PRECONDITION, id + " is closed");
        }
    }

    void exit() {
        lock.readLock().unlock();
    }

    <T> T call(Supplier<T> body) {
        enter();
        try {
            return body.get();
        } finally {
            exit();
        }
    }

    void run(Runnable body) {
        enter();
        try {
            body.run();
        } finally {
            exit();
        }
    }

    void register(DataCursor c) {
        cursors.add(c);
    }

    void unregister(DataCursor c) {
        cursors.remove(c);
    }

    boolean isClosed() {
        return closed;
    }

    /** Closes the cursors, then runs {@code closer}; false if already closed. */
    boolean close(Runnable closer) {
        lock.writeLock().lock();
        try {
            if (closed) {
                return false;
            }
            closed = true;
            for (DataCursor c : new ArrayList<>(cursors)) {
                c.release();
            }
            closer.run();
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }
}
