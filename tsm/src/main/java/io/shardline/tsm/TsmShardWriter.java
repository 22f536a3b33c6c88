package io.shardline.tsm;

import io.shardline.model.FieldType;
import io.shardline.tsm.block.BlockValues;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the content of one shard as TSM files the way InfluxDB's compactor does: values of a key
 * are gathered into blocks of {@code maxPointsPerBlock} (the last block of a key may be shorter),
 * and a new file ({@code <generation>-<sequence+1>.tsm}) is started when the current one reaches
 * {@code maxFileSize} or a key fills the 65535 blocks a file can index for it. Keys must come in
 * {@link TsmKey#ORDER}; values of a key in ascending time, possibly over several calls.
 * Not thread-safe.
 */
public final class TsmShardWriter implements Closeable {

    private final Path dir;
    private final long generation;
    private final int maxPointsPerBlock;
    private final long maxFileSize;
    private final List<Path> finished = new ArrayList<>();
    private final BlockValues pending;
    private byte[] key;
    private long lastTime;
    private boolean hasLast;
    private TsmWriter writer;
    private long sequence;

    /** A writer of InfluxDB's default block size (1000) and file size (2 GiB). */
    public TsmShardWriter(Path dir, long generation) {
        this(dir, generation, TsmFormat.DEFAULT_MAX_POINTS_PER_BLOCK, TsmFormat.DEFAULT_MAX_FILE_SIZE);
    }

    public TsmShardWriter(Path dir, long generation, int maxPointsPerBlock, long maxFileSize) {
        if (maxPointsPerBlock < 1 || maxFileSize < 1) {
            throw new IllegalArgumentException("block and file sizes must be positive");
        }
        this.dir = dir;
        this.generation = generation;
        this.maxPointsPerBlock = maxPointsPerBlock;
        this.maxFileSize = maxFileSize;
        this.pending = new BlockValues(maxPointsPerBlock);
    }

    /** Appends values of {@code key} (see {@link TsmKey#toBytes()}). */
    public void write(TsmKey key, BlockValues values) {
        write(key.toBytes(), values);
    }

    /**
     * Appends {@code values} of the raw key {@code k}: a key after the previous one starts it, the
     * same key continues it (times must keep ascending, type must stay the same).
     */
    public void write(byte[] k, BlockValues values) {
        if (values.size() == 0) {
            return;
        }
        if (key == null || TsmKey.ORDER.compare(k, key) != 0) {
            if (key != null && TsmKey.ORDER.compare(k, key) < 0) {
                throw new IllegalArgumentException("key " + TsmReader.keyText(k) + " written after " + TsmReader.keyText(key));
            }
            flushPending(true);
            key = k.clone();
            pending.reset(values.type());
            hasLast = false;
        } else if (values.type() != pending.type()) {
            throw new IllegalArgumentException("key " + TsmReader.keyText(k) + " written as " + pending.type()
                    + " and " + values.type());
        }
        for (int i = 0; i < values.size(); i++) {
            long t = values.time(i);
            if (hasLast && t <= lastTime) {
                throw new IllegalArgumentException("key " + TsmReader.keyText(k) + ": time " + t
                        + " does not follow " + lastTime);
            }
            lastTime = t;
            hasLast = true;
            pending.addFrom(values, i);
            if (pending.size() == maxPointsPerBlock) {
                flushPending(false);
            }
        }
    }

    private void flushPending(boolean all) {
        if (pending.size() == 0 || (!all && pending.size() < maxPointsPerBlock)) {
            return;
        }
        FieldType type = pending.type();
        if (writer == null || writer.size() >= maxFileSize || writer.blockCount(key) == TsmFormat.MAX_BLOCKS_PER_KEY) {
            roll();
        }
        writer.writeBlock(key, pending, 0, pending.size());
        pending.reset(type);
    }

    private void roll() {
        if (writer != null) {
            writer.finish();
            finished.add(writer.path());
        }
        sequence++;
        writer = TsmWriter.create(dir.resolve(new TsmFileName(generation, sequence).fileName()));
    }

    /** Writes what is pending, finishes the last file and returns every file written, in order. */
    public List<Path> finish() {
        if (key != null) {
            flushPending(true);
        }
        if (writer != null) {
            writer.finish();
            finished.add(writer.path());
            writer = null;
        }
        return List.copyOf(finished);
    }

    /** The files finished so far (a caller abandoning the shard removes these after {@link #close()}). */
    public List<Path> files() {
        return List.copyOf(finished);
    }

    /** Removes the unfinished file, if any (files already finished stay; see {@link #files()}). */
    @Override
    public void close() {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }
}
