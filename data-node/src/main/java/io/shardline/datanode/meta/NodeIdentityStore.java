package io.shardline.datanode.meta;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The data node's identity on disk: {@value #FILE_NAME} in {@code [meta] dir} with {@code node-id}
 * and {@code meta-servers} (comma-separated), replaced atomically (temp file, fsync, rename). Used
 * by one thread at a time.
 */
final class NodeIdentityStore {

    static final String FILE_NAME = "node.properties";

    private final Path file;

    NodeIdentityStore(Path dir) {
        this.file = dir.resolve(FILE_NAME);
    }

    NodeIdentity load() {
        if (!Files.exists(file)) {
            return NodeIdentity.NONE;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            String servers = p.getProperty("meta-servers", "").trim();
            List<String> list = servers.isEmpty() ? List.of() : Arrays.stream(servers.split(",")).map(String::trim).toList();
            return new NodeIdentity(Long.parseLong(p.getProperty("node-id", "0").trim()), list);
        } catch (IOException | NumberFormatException e) {
            throw new ShardlineException(ErrorCode.CORRUPTED, "cannot read node identity " + file + ": " + e.getMessage(), e);
        }
    }

    void save(NodeIdentity identity) {
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                out.write("# this data node's id in the cluster and the meta servers it knows (written by Shardline)\n");
                out.write("node-id=" + identity.nodeId() + "\n");
                out.write("meta-servers=" + String.join(",", identity.metaServers()) + "\n");
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ShardlineException(ErrorCode.IO_ERROR, "cannot write node identity " + file + ": " + e.getMessage(), e);
        }
    }
}
