package io.shardline.tsm;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.model.FieldType;
import io.shardline.tsm.block.BlockCodec;
import io.shardline.tsm.block.BlockValues;
import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The live content of a shard's TSM files as InfluxDB would serve it, streamed key by key in index
 * order and, within a key, in time order: the files are merged (on equal timestamps the newest
 * file, by generation and sequence, wins), and each file's tombstones remove that file's deleted
 * values. Memory: one index cursor and one decoded block per file, plus the tombstones. Values come
 * in chunks of at most {@link #CHUNK}, or one whole block when a key lives in one file or its files'
 * time ranges do not overlap there; a stretch of one file that no other file interleaves is copied as
 * one run, not value by value. Not thread-safe.
 *
 * <pre>
 * try (TsmShardReader r = TsmShardReader.open(files)) {
 *     while (r.next()) { use(r.key(), r.values()); }
 * }
 * </pre>
 */
public final class TsmShardReader implements Closeable {

    /** Most values in one chunk of a key that spans several files. */
    public static final int CHUNK = TsmFormat.DEFAULT_MAX_POINTS_PER_BLOCK;

    private final List<FileState> files;
    private final List<KeyStream> streams = new ArrayList<>();
    private final BlockValues merged = new BlockValues(CHUNK);
    private byte[] key;
    private TsmKey parsedKey;
    private BlockValues current;

    private static final class FileState {
        final TsmReader reader;
        final IndexCursor cursor;
        final Map<String, List<Tombstone>> tombstones;
        final BlockValues block = new BlockValues(TsmFormat.DEFAULT_MAX_POINTS_PER_BLOCK);
        boolean hasKey;

        FileState(TsmReader reader, Map<String, List<Tombstone>> tombstones) {
            this.reader = reader;
            this.cursor = reader.index();
            this.tombstones = tombstones;
            this.hasKey = cursor.next();
        }
    }

    private TsmShardReader(List<FileState> files) {
        this.files = files;
    }

    /**
     * Opens the TSM files of one shard (any order; sorted here by {@link TsmFileName#FILE_ORDER})
     * with the tombstone file next to each, if any.
     */
    public static TsmShardReader open(List<Path> tsmFiles) {
        List<Path> sorted = new ArrayList<>(tsmFiles);
        sorted.sort(TsmFileName.FILE_ORDER);
        List<FileState> states = new ArrayList<>();
        try {
            for (Path p : sorted) {
                Map<String, List<Tombstone>> tomb = new HashMap<>();
                TombstoneFile.read(TombstoneFile.of(p),
                        t -> tomb.computeIfAbsent(mapKey(t.key()), k -> new ArrayList<>()).add(t));
                states.add(new FileState(TsmReader.open(p), tomb));
            }
        } catch (RuntimeException e) {
            states.forEach(s -> s.reader.close());
            throw e;
        }
        return new TsmShardReader(states);
    }

    private static String mapKey(byte[] key) {
        return new String(key, StandardCharsets.ISO_8859_1);
    }

    /** Moves to the next non-empty chunk; false when every file is exhausted. */
    public boolean next() {
        while (true) {
            if (key != null) {
                BlockValues chunk = nextChunk();
                if (chunk != null) {
                    current = chunk;
                    return true;
                }
                endKey();
            }
            if (!startKey()) {
                current = null;
                return false;
            }
        }
    }

    /** The raw key of the current chunk. */
    public byte[] rawKey() {
        return key;
    }

    /** The series and field of the current chunk. */
    public TsmKey key() {
        if (parsedKey == null) {
            try {
                parsedKey = TsmKey.parse(key);
            } catch (IllegalArgumentException e) {
                throw new ShardlineException(ErrorCode.CORRUPTED, "tsm file " + streams.get(0).reader.path()
                        + ": key " + TsmReader.keyText(key) + ": " + e.getMessage());
            }
        }
        return parsedKey;
    }

    public FieldType type() {
        return current.type();
    }

    /** The values of the current chunk, ascending in time; valid until the next {@link #next()}. */
    public BlockValues values() {
        return current;
    }

    // Picks the smallest key among the files and builds one stream per file holding it.
    private boolean startKey() {
        byte[] min = null;
        for (FileState f : files) {
            if (f.hasKey && (min == null || TsmKey.ORDER.compare(f.cursor.key(), min) < 0)) {
                min = f.cursor.key();
            }
        }
        if (min == null) {
            return false;
        }
        key = min;
        parsedKey = null;
        streams.clear();
        for (int i = 0; i < files.size(); i++) {
            FileState f = files.get(i);
            if (f.hasKey && TsmKey.ORDER.compare(f.cursor.key(), min) == 0) {
                List<Tombstone> t = f.tombstones.isEmpty() ? List.of() : f.tombstones.getOrDefault(mapKey(min), List.of());
                // The cursor's entries stay valid until endKey() moves the cursor on.
                streams.add(new KeyStream(f.reader, i, min, f.cursor.blockType(), f.cursor.entries(), t, f.block));
            }
        }
        dropConflictingTypes();
        return true;
    }

    // A key of one field has one type; older files with another type may only hold deleted values.
    private void dropConflictingTypes() {
        KeyStream newest = streams.get(streams.size() - 1);
        for (int i = streams.size() - 2; i >= 0; i--) {
            KeyStream s = streams.get(i);
            if (s.blockType() != newest.blockType()) {
                if (s.fill()) {
                    throw new ShardlineException(ErrorCode.CORRUPTED, "tsm files " + s.reader.path() + " and "
                            + newest.reader.path() + ": key " + TsmReader.keyText(key) + " is "
                            + BlockCodec.fieldType(s.blockType()) + " in one and "
                            + BlockCodec.fieldType(newest.blockType()) + " in the other");
                }
                streams.remove(i);
            }
        }
    }

    private void endKey() {
        for (FileState f : files) {
            if (f.hasKey && TsmKey.ORDER.compare(f.cursor.key(), key) == 0) {
                f.hasKey = f.cursor.next();
            }
        }
        key = null;
        parsedKey = null;
        streams.clear();
    }

    private BlockValues nextChunk() {
        if (streams.size() == 1) {
            KeyStream s = streams.get(0);
            if (!s.fill()) {
                return null;
            }
            s.pos = s.block().size();
            return s.block();
        }
        merged.reset(BlockCodec.fieldType(streams.get(0).blockType()));
        while (merged.size() < CHUNK) {
            KeyStream winner = null;
            long t = 0;
            for (KeyStream s : streams) {
                // Later streams are newer files: on a tie the later one replaces the earlier.
                if (s.fill() && (winner == null || s.time() <= t)) {
                    winner = s;
                    t = s.time();
                }
            }
            if (winner == null) {
                break;
            }
            long bound = Long.MAX_VALUE;
            for (KeyStream s : streams) {
                if (s != winner && s.fill() && s.time() < bound) {
                    bound = s.time();
                }
            }
            if (bound > t) {
                // no other file holds a value before bound: the winner's values up to it go in one run
                BlockValues whole = run(winner, bound);
                if (whole != null) {
                    return whole;
                }
                continue;
            }
            merged.addFrom(winner.block(), winner.pos);
            for (KeyStream s : streams) {
                if (s.fill() && s.time() == t) {
                    s.pos++;
                }
            }
        }
        return merged.size() == 0 ? null : merged;
    }

    /**
     * Takes the values of {@code s} before {@code bound} from its current block: the whole block itself
     * when nothing was merged yet and all of it is before bound (returned: files whose time ranges do not
     * overlap, the usual case, cost no copy), else a run appended to the merged chunk (null returned).
     */
    private BlockValues run(KeyStream s, long bound) {
        BlockValues b = s.block();
        if (merged.size() == 0 && s.pos == 0 && b.time(b.size() - 1) < bound) {
            s.pos = b.size();
            return b;
        }
        int end = s.pos;
        int limit = Math.min(b.size(), s.pos + CHUNK - merged.size());
        while (end < limit && b.time(end) < bound) {
            end++;
        }
        merged.addRange(b, s.pos, end);
        s.pos = end;
        return null;
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (FileState f : files) {
            try {
                f.reader.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
