package io.shardline.datanode.copy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.io.FileChecksums;
import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import io.shardline.storage.FieldBlockCursor;
import io.shardline.storage.FieldScanRequest;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardSnapshot;
import io.shardline.storage.ShardStore;
import io.shardline.storage.SnapshotFile;
import io.shardline.storage.TagPredicate;
import io.shardline.storage.TimeRange;
import io.shardline.tsm.TsmKey;
import io.shardline.tsm.TsmShardWriter;
import io.shardline.tsm.block.BlockValues;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A shard's live content as TSM files InfluxDB 1.x restores ({@code shardline-ctl backup -format tsm}):
 * every (series, field) key in TSM key order, its visible values in time order, written by
 * {@link TsmShardWriter} into a temporary directory and offered as a {@link ShardSnapshot} (sizes and
 * CRC-32C computed once). Holds the shard's keys in memory while sorting them (proportional to series
 * x fields, not to points) and one block per key. The files are deleted on {@link #close}. Read by one
 * thread.
 */
public final class TsmShardExport implements ShardSnapshot {

    private final ShardId shard;
    private final Path dir;
    private final List<SnapshotFile> files;

    private TsmShardExport(ShardId shard, Path dir, List<SnapshotFile> files) {
        this.shard = shard;
        this.dir = dir;
        this.files = files;
    }

    /** Writes the TSM files of {@code store} now (a point-in-time read of each key). */
    public static TsmShardExport of(ShardStore store) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("shardline-tsm-export-" + store.id().id() + "-");
            List<Path> written = write(store, dir);
            List<SnapshotFile> files = new ArrayList<>();
            for (Path p : written) {
                files.add(new SnapshotFile(p.getFileName().toString(), Files.size(p), FileChecksums.crc32c(p)));
            }
            return new TsmShardExport(store.id(), dir, List.copyOf(files));
        } catch (IOException e) {
            deleteTree(dir);
            throw new ShardlineException(ErrorCode.IO_ERROR, store.id() + ": cannot write TSM files: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
    }

    private record Key(byte[] bytes, String measurement, SeriesKey series, String field) {
    }

    private static List<Path> write(ShardStore store, Path dir) {
        List<Key> keys = new ArrayList<>();
        for (String m : store.measurements(TagPredicate.all())) {
            Map<String, FieldType> fields = store.fieldTypes(m);
            for (SeriesKey s : store.series(m, TagPredicate.all())) {
                for (String f : fields.keySet()) {
                    keys.add(new Key(new TsmKey(s, f).toBytes(), m, s, f));
                }
            }
        }
        keys.sort(Comparator.comparing(Key::bytes, TsmKey.ORDER));
        BlockValues values = new BlockValues(1000);
        try (TsmShardWriter writer = new TsmShardWriter(dir, 1)) {
            for (Key k : keys) {
                try (FieldBlockCursor c = store.scanField(new FieldScanRequest(k.measurement(), List.of(k.series()),
                        k.field(), TimeRange.ALL))) {
                    while (c.next()) {
                        values.reset(c.type());
                        for (int i = 0; i < c.size(); i++) {
                            add(values, c, i);
                        }
                        writer.write(k.bytes(), values);
                    }
                }
            }
            return writer.finish();
        }
    }

    private static void add(BlockValues values, FieldBlockCursor c, int i) {
        long t = c.timestamps()[i];
        switch (c.type()) {
            case FLOAT -> values.add(t, Double.doubleToRawLongBits(c.floats()[i]));
            case STRING -> values.addString(t, c.strings()[i]);
            default -> values.add(t, c.longs()[i]);
        }
    }

    @Override
    public ShardId shard() {
        return shard;
    }

    @Override
    public List<SnapshotFile> files() {
        return files;
    }

    @Override
    public byte[] read(String name, long offset, int maxLength) {
        ByteBuffer b = readBuffer(name, offset, maxLength);
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    @Override
    public ByteBuffer readBuffer(String name, long offset, int maxLength) {
        try (FileChannel ch = FileChannel.open(dir.resolve(name))) {
            ByteBuffer b = ByteBuffer.allocate((int) Math.max(0, Math.min(maxLength, ch.size() - offset)));
            while (b.hasRemaining() && ch.read(b, offset + b.position()) > 0) {
                continue;
            }
            return b.flip();
        } catch (IOException e) {
            throw new ShardlineException(ErrorCode.IO_ERROR, shard + ": cannot read TSM file " + name + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        deleteTree(dir);
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; best effort
        }
    }
}
