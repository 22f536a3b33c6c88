package io.shardline.meta.client;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.meta.rpc.MetadataCodec;
import io.shardline.proto.meta.ClusterMetadataMessage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cached cluster view on disk: {@value #FILE_NAME} in the client's directory, a serialized
 * {@code ClusterMetadataMessage}, replaced atomically (temp file, fsync, rename) so a crash leaves
 * the old or the new view, never a torn one. Called by one thread at a time (the client's update lock).
 */
public final class ClusterViewStore {

    public static final String FILE_NAME = "cluster-view.pb";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterViewStore.class);

    private final Path file;

    public ClusterViewStore(Path dir) {
        this.file = dir.resolve(FILE_NAME);
    }

    /** The stored view, or empty if there is none or it cannot be read (logged). */
    public Optional<ClusterView> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ClusterView.of(MetadataCodec.decode(ClusterMetadataMessage.parseFrom(
                    Files.readAllBytes(file)))));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Ignoring unreadable cached cluster view file={} error={}", file, e.toString());
            return Optional.empty();
        }
    }

    public void save(ClusterView view) {
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        byte[] bytes = MetadataCodec.encode(view.metadata()).toByteArray();
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ShardlineException(ErrorCode.IO_ERROR, "cannot write cluster view " + file + ": "
                    + e.getMessage(), e);
        }
    }
}
