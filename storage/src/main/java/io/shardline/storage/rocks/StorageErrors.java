package io.shardline.storage.rocks;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.storage.ShardId;
import java.io.IOException;
import java.nio.file.Path;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/**
 * Turns RocksDB and file-system failures into {@link ShardlineException}s that name the shard and
 * its directory: {@link ErrorCode#CORRUPTED} for corruption, {@link ErrorCode#IO_ERROR} otherwise.
 * Stateless.
 */
final class StorageErrors {

    private StorageErrors() {
    }

    static ShardlineException wrap(RocksDBException e, ShardId id, Path dir, String operation) {
        Status s = e.getStatus();
        boolean corrupt = s != null && (s.getCode() == Status.Code.Corruption
                || s.getCode() == Status.Code.InvalidArgument || s.getCode() == Status.Code.NotSupported);
        return new ShardlineException(corrupt ? ErrorCode.CORRUPTED : ErrorCode.IO_ERROR,
                id + " at " + dir + ": " + operation + " failed: " + e.getMessage(), e);
    }

    static ShardlineException wrap(IOException e, ShardId id, Path dir, String operation) {
        return new ShardlineException(ErrorCode.IO_ERROR, id + " at " + dir + ": " + operation + " failed: " + e, e);
    }

    static ShardlineException wrap(RuntimeException e, ShardId id, Path dir, String operation) {
        if (e instanceof ShardlineException se && se.getMessage().contains(id.toString())) {
            return se;
        }
        ErrorCode code = e instanceof ShardlineException se ? se.code() : ErrorCode.INTERNAL;
        return new ShardlineException(code, id + " at " + dir + ": " + operation + " failed: " + e.getMessage(), e);
    }
}
