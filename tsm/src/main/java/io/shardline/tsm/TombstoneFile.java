package io.shardline.tsm;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The tombstone file of a TSM file ({@code 000000001-000000002.tombstone} next to
 * {@code 000000001-000000002.tsm}), in the four formats InfluxDB 1.x has written. Stateless.
 *
 * <pre>
 * v1  no header: one key per line, whole time range
 * v2  u32 0x00001502 | (u32 key length | key | i64 min | i64 max) ...
 * v3  u32 0x00001503 | gzip( (u32 key length | key | i64 min | i64 max) ... )
 * v4  u32 0x00001504 | one or more gzip members of the same entries (one per flush)
 * </pre>
 */
public final class TombstoneFile {

    static final int V2 = 0x1502;
    static final int V3 = 0x1503;
    static final int V4 = 0x1504;

    private TombstoneFile() {
    }

    /** The tombstone file that belongs to {@code tsmFile}. */
    public static Path of(Path tsmFile) {
        String name = tsmFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return tsmFile.resolveSibling(base + TsmFormat.TOMBSTONE_EXTENSION);
    }

    /** Every tombstone of {@code file} in file order; none when the file does not exist. */
    public static List<Tombstone> read(Path file) {
        List<Tombstone> out = new ArrayList<>();
        read(file, out::add);
        return out;
    }

    /** Passes every tombstone of {@code file} to {@code sink}; nothing when the file does not exist. */
    public static void read(Path file, Consumer<Tombstone> sink) {
        byte[] head = new byte[4];
        int got;
        try (InputStream in = Files.newInputStream(file)) {
            got = in.readNBytes(head, 0, 4);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new ShardlineException(ErrorCode.IO_ERROR, "tombstone file " + file + ": " + e.getMessage(), e);
        }
        int header = got == 4 ? ((head[0] & 0xFF) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF) : 0;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            if (header == V2 || header == V3 || header == V4) {
                raw.skipNBytes(4);
                InputStream body = header == V2 ? raw : new GZIPInputStream(raw, 1 << 16);
                readEntries(new DataInputStream(body), sink);
            } else {
                readLines(raw, sink);
            }
        } catch (EOFException e) {
            throw corrupt(file, "truncated entry");
        } catch (IOException e) {
            throw corrupt(file, e.getMessage());
        }
    }

    // Entries until a clean end of stream; a partial entry is truncation.
    private static void readEntries(DataInputStream in, Consumer<Tombstone> sink) throws IOException {
        while (true) {
            int b0 = in.read();
            if (b0 < 0) {
                return;
            }
            int len = (b0 << 24) | (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
            if (len < 0 || len > TsmFormat.MAX_KEY_LENGTH * 16) {
                throw new IOException("implausible key length " + Integer.toUnsignedString(len));
            }
            byte[] key = in.readNBytes(len);
            if (key.length != len) {
                throw new EOFException();
            }
            long min = in.readLong();
            long max = in.readLong();
            sink.accept(new Tombstone(key, min, max));
        }
    }

    private static void readLines(InputStream in, Consumer<Tombstone> sink) throws IOException {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            String k = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!k.isEmpty()) {
                sink.accept(new Tombstone(k.getBytes(StandardCharsets.UTF_8), Long.MIN_VALUE, Long.MAX_VALUE));
            }
        }
    }

    /** Writes {@code tombstones} to {@code file} in the v4 format (one gzip member). */
    public static void write(Path file, List<Tombstone> tombstones) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            DataOutputStream head = new DataOutputStream(out);
            head.writeInt(V4);
            head.flush();
            GZIPOutputStream gz = new GZIPOutputStream(out);
            DataOutputStream d = new DataOutputStream(gz);
            for (Tombstone t : tombstones) {
                d.writeInt(t.key().length);
                d.write(t.key());
                d.writeLong(t.min());
                d.writeLong(t.max());
            }
            d.flush();
            gz.finish();
        } catch (IOException e) {
            throw new ShardlineException(ErrorCode.IO_ERROR, "tombstone file " + file + ": " + e.getMessage(), e);
        }
    }

    private static ShardlineException corrupt(Path file, String what) {
        return new ShardlineException(ErrorCode.CORRUPTED, "tombstone file " + file + ": " + what);
    }
}
