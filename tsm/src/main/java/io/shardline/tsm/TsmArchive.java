package io.shardline.tsm;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.io.ShardArchiveReader;
import io.shardline.common.io.TarFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Unpacks the TSM and tombstone files of one shard archive of a portable backup ({@code <ts>.s<id>.tar.gz}
 * as {@code influxd backup -portable} or {@code shardline-ctl backup -format tsm} writes it: entries
 * {@code <db>/<rp>/<id>/<gen>-<seq>.tsm} and {@code .tombstone}) in one pass, under their base names;
 * other entries (directories, {@code fields.idx}, TSI index files) are skipped, as the converter rebuilds
 * the index from the TSM keys. The gzip trailer's CRC-32 and length are checked at the end, so a damaged
 * archive is refused whole. Stateless.
 */
public final class TsmArchive {

    /** What a portable shard archive ends with. */
    public static final String EXTENSION = ".tar.gz";
    private static final String TOMBSTONE = ".tombstone";
    /** The copy buffer: below G1's humongous size at a data node's heap, so it is an ordinary allocation. */
    private static final int CHUNK = 1 << 18;

    private TsmArchive() {
    }

    /**
     * Writes the archive's TSM and tombstone files into {@code dir} (which must not hold files of those
     * names) and returns them in archive order.
     *
     * @throws ShardlineException {@code CORRUPTED} if the archive is not a complete tar.gz, holds a file name
     *     twice, or holds tombstone files without any TSM file
     */
    public static List<Path> extract(Path archive, Path dir) {
        try (ShardArchiveReader in = new ShardArchiveReader(archive)) {
            return extract(in, dir);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /**
     * Like {@link #extract(Path, Path)}, reading the archive from {@code compressed} (for example as it
     * arrives over the network), up to the end of its gzip stream; closes it.
     */
    public static List<Path> extract(InputStream compressed, Path dir) {
        try (ShardArchiveReader in = new ShardArchiveReader(compressed)) {
            return extract(in, dir);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static List<Path> extract(ShardArchiveReader in, Path dir) {
        List<Path> files = new ArrayList<>();
        Set<String> names = new HashSet<>();
        boolean tsm = false;
        byte[] chunk = new byte[CHUNK];
        try {
            for (TarFormat.Entry e; (e = in.next()) != null; ) {
                String base = e.name().substring(e.name().lastIndexOf('/') + 1);
                if (!e.regular() || !(base.endsWith(TsmFormat.EXTENSION) || base.endsWith(TOMBSTONE))) {
                    continue;
                }
                if (!names.add(base)) {
                    throw corrupted("holds the TSM file name " + base + " twice");
                }
                tsm |= base.endsWith(TsmFormat.EXTENSION);
                Path out = dir.resolve(base);
                try (FileChannel file = FileChannel.open(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    for (int n; (n = in.read(chunk, 0, CHUNK)) > 0; ) {
                        ByteBuffer b = ByteBuffer.wrap(chunk, 0, n);
                        while (b.hasRemaining()) {
                            file.write(b);
                        }
                    }
                }
                files.add(out);
            }
            in.drain();
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable(e);
        }
        if (!tsm && !files.isEmpty()) {
            throw corrupted("holds tombstone files without their TSM files");
        }
        return files;
    }

    private static ShardlineException unreadable(Exception e) {
        return new ShardlineException(ErrorCode.CORRUPTED, "the shard archive is not a readable tar.gz: "
                + e.getMessage(), e);
    }

    private static ShardlineException corrupted(String what) {
        return new ShardlineException(ErrorCode.CORRUPTED, "the shard archive " + what);
    }
}
