package io.shardline.datanode.entropy;

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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The anti-entropy state that survives a restart, in {@value #FILE_NAME} under {@code [meta] dir}:
 * the queued repairs with their paths and the shards this node has held. Replaced atomically
 * (temporary file, fsync, rename), so a crash leaves the old or the new state, never a mix.
 *
 * <pre>
 * # anti-entropy state of this data node (written by Shardline)
 * held=3,5,9
 * repair.5=
 * repair.9=4,5
 * </pre>
 * Used by one thread at a time (its owner serialises calls).
 */
final class EntropyStateStore {

    static final String FILE_NAME = "anti-entropy.properties";

    private final Path file;

    EntropyStateStore(Path dir) {
        this.file = dir.resolve(FILE_NAME);
    }

    EntropyState.Persistent load() {
        if (!Files.exists(file)) {
            return new EntropyState.Persistent(Set.of(), Map.of());
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            Set<Long> held = new HashSet<>(ids(p.getProperty("held", "")));
            Map<Long, List<Long>> repairs = new LinkedHashMap<>();
            for (String key : new TreeMap<>(p).keySet().stream().map(Object::toString).toList()) {
                if (key.startsWith("repair.")) {
                    repairs.put(Long.parseLong(key.substring("repair.".length())), ids(p.getProperty(key)));
                }
            }
            return new EntropyState.Persistent(held, repairs);
        } catch (IOException | NumberFormatException e) {
            throw new ShardlineException(ErrorCode.CORRUPTED, "cannot read anti-entropy state " + file + ": "
                    + e.getMessage(), e);
        }
    }

    void save(EntropyState.Persistent state) {
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                out.write("# anti-entropy state of this data node (written by Shardline)\n");
                out.write("held=" + join(new ArrayList<>(new java.util.TreeSet<>(state.held()))) + "\n");
                for (Map.Entry<Long, List<Long>> e : new TreeMap<>(state.repairs()).entrySet()) {
                    out.write("repair." + e.getKey() + "=" + join(e.getValue()) + "\n");
                }
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ShardlineException(ErrorCode.IO_ERROR, "cannot write anti-entropy state " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static List<Long> ids(String s) {
        List<Long> out = new ArrayList<>();
        for (String part : s.split(",")) {
            if (!part.isBlank()) {
                out.add(Long.parseLong(part.trim()));
            }
        }
        return out;
    }

    private static String join(List<Long> ids) {
        StringBuilder b = new StringBuilder();
        for (Long id : ids) {
            b.append(b.length() == 0 ? "" : ",").append(id);
        }
        return b.toString();
    }
}
