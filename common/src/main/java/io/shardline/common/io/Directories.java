package io.shardline.common.io;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Creates the directories a node needs and proves they are writable, with errors naming the config key. */
public final class Directories {

    private Directories() {
    }

    /**
     * Creates {@code dir} (and parents) if needed and checks a file can be written in it.
     *
     * @param configKey the key the directory comes from, e.g. {@code [data] dir}
     * @throws ShardlineException {@link ErrorCode#IO_ERROR} with a one-line message
     */
    public static Path ensureWritable(Path dir, String configKey) {
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw failure(dir, configKey, "a file with that name exists", e);
        } catch (AccessDeniedException e) {
            throw failure(dir, configKey, "permission denied", e);
        } catch (IOException e) {
            throw failure(dir, configKey, e.getMessage(), e);
        }
        Path probe = dir.resolve(".shardline-write-test");
        try {
            Files.writeString(probe, "ok");
            Files.delete(probe);
        } catch (AccessDeniedException e) {
            throw failure(dir, configKey, "directory is not writable (permission denied)", e);
        } catch (IOException e) {
            throw failure(dir, configKey, "directory is not writable (" + e.getMessage() + ")", e);
        }
        return dir;
    }

    private static ShardlineException failure(Path dir, String configKey, String reason, Exception cause) {
        return new ShardlineException(ErrorCode.IO_ERROR,
                "cannot use directory " + dir + " (" + configKey + "): " + reason, cause);
    }
}
