package io.shardline.ctl.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of a backup directory: names ({@code 20060102T150405Z.manifest}, {@code .meta},
 * {@code .s<id>.tar.gz}; a file being written ends in {@code .pending}), manifests read and written as
 * JSON (written to a pending file, synced and renamed, so a manifest is either complete or absent), and
 * the check that a directory holds nothing else. Stateless.
 */
public final class BackupFiles {

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    static final String PENDING = ".pending";
    private static final Pattern OURS = Pattern.compile("\\d{8}T\\d{6}Z\\.(manifest|meta|s\\d+\\.tar\\.gz)(\\.pending)?");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BackupFiles() {
    }

    /** The stamp of a backup taken at {@code at}, e.g. {@code 20230101T000000Z}. */
    public static String stamp(Instant at) {
        return STAMP.format(at);
    }

    public static String manifestName(String stamp) {
        return stamp + ".manifest";
    }

    public static String metaName(String stamp) {
        return stamp + ".meta";
    }

    public static String shardName(String stamp, long shardId) {
        return stamp + ".s" + shardId + ".tar.gz";
    }

    /**
     * The manifests in {@code dir}, oldest first.
     *
     * @throws ShardlineException {@code INVALID_ARGUMENT} if the directory holds a file that is not part
     *     of a portable backup (another tool's backup, or unrelated files), or a manifest that cannot be read
     */
    public static List<Path> manifests(Path dir) {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!OURS.matcher(name).matches()) {
                    throw ShardlineException.invalid("directory " + dir + " holds " + name
                            + ", which is not part of a portable backup");
                }
                if (name.endsWith(".manifest")) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new ShardlineException(ErrorCode.INVALID_ARGUMENT, "cannot read backup directory " + dir + ": "
                    + e.getMessage(), e);
        }
        return out;
    }

    public static BackupManifest read(Path manifest) {
        try {
            BackupManifest m = JSON.readValue(manifest.toFile(), BackupManifest.class);
            if (m.meta() == null || m.meta().fileName() == null) {
                throw ShardlineException.invalid("manifest " + manifest + " names no meta file");
            }
            return m;
        } catch (IOException e) {
            throw ShardlineException.invalid("cannot read manifest " + manifest + ": " + e.getMessage());
        }
    }

    /** Writes the manifest atomically: to a pending file, synced, then renamed. */
    public static void write(BackupManifest manifest, Path target) throws IOException {
        Path pending = target.resolveSibling(target.getFileName() + PENDING);
        Files.write(pending, JSON.writeValueAsBytes(manifest));
        sync(pending);
        Files.move(pending, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** JSON text of a manifest (tests, -list). */
    static String json(BackupManifest manifest) throws IOException {
        return JSON.writeValueAsString(manifest);
    }

    static BackupManifest parse(String json) throws IOException {
        return JSON.readValue(json, BackupManifest.class);
    }

    static void sync(Path file) throws IOException {
        try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }
}
