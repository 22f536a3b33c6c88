package io.shardline.storage.rocks;

import io.shardline.model.FieldLayout;
import io.shardline.model.FieldType;
import io.shardline.model.Point;
import io.shardline.model.SeriesKey;
import io.shardline.storage.ShardLoader;
import io.shardline.storage.block.BlockBatch;
import io.shardline.storage.internal.Buckets;
import io.shardline.storage.internal.SeriesAdmission;
import io.shardline.storage.internal.TombstoneSet;
import io.shardline.storage.internal.WriteValidator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.rocksdb.MutableColumnFamilyOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The bulk path into a new, hidden RocksDB shard (a conversion's staging store, installed only once
 * complete): runs of one field of one series are checked once per run with the write path's rules
 * ({@link WriteValidator} on one representative point: what it drops, every value of the run would
 * drop), series and fields are created as a write creates them, and values are collected per
 * (series, bucket) until the series is complete, so each block is written once, in the compact form a
 * rewrite gives it. Commits of about {@link #COMMIT_VALUES} values skip the write-ahead log and
 * automatic compactions are off: a crash loses only a store that is discarded anyway, and
 * {@link #finish} flushes every memtable to table files (synced) before the store may be installed.
 * A series larger than {@code 4 * COMMIT_VALUES} values is committed in parts; later parts are
 * appended to its blocks, as are values of a series the store held before the load.
 *
 * <p>A commit is pipelined: its index entries and fields are written at once (the next part's
 * series lookups must find them), its blocks are encoded and written on the load's own encoder
 * thread while the caller fills the next part (awaited at the next commit, so parts are written in
 * order and at most two exist), so encoding (about half of a conversion's work) runs beside
 * decoding. Used by the one converting thread, under the store's write lock per call; the encoder
 * thread touches only the {@link BlockBatch} handed to it and RocksDB.
 */
final class RocksBulkLoad implements ShardLoader, AutoCloseable {

    /** Values buffered before a commit at the next series (the default of the constructor's). */
    static final int COMMIT_VALUES = 1 << 19;

    private final ShardState state;
    private final RocksWriter writer;
    private final RocksDigests digests;
    private final int commitValues;
    private final WriteOptions noWal = new WriteOptions().setDisableWAL(true);
    private final ExecutorService encoder;
    /** The part being filled; the other one is encoded or written meanwhile. */
    private BlockBatch values;
    private BlockBatch spare;
    /** The blocks of the last commit, being encoded and written; awaited at the next commit. */
    private Encoding pending;
    /** Series this load created: the only ones whose blocks may be put rather than merged. */
    private final Set<Integer> fresh = new HashSet<>();
    /** Series with blocks handed to the encoder: later values of theirs are appended (merge), not put. */
    private final Set<Integer> handedOff = new HashSet<>();
    private WriteBatch batch;
    private SeriesLookup lookup;
    private RocksWriter.Batch series;
    private SeriesKey current;
    private int buffered;
    private boolean finished;

    RocksBulkLoad(ShardState state, RocksWriter writer, RocksDigests digests, int commitValues) {
        this.state = state;
        this.writer = writer;
        this.digests = digests;
        this.commitValues = commitValues;
        // keep the arrays between parts: a part holds a little over commitValues values, far above a write
        this.values = new BlockBatch(2 * commitValues);
        this.spare = new BlockBatch(2 * commitValues);
        this.encoder = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bulk-load-encoder-" + state.id.id());
            t.setDaemon(true);
            return t;
        });
        try {
            // Not kept by the installed store: it is reopened with the node's column family options.
            state.db.db.setOptions(state.db.data,
                    MutableColumnFamilyOptions.builder().setDisableAutoCompactions(true).build());
        } catch (RocksDBException e) {
            throw StorageErrors.wrap(e, state.id, state.db.dir, "bulk load");
        }
    }

    @Override
    public void load(SeriesKey seriesKey, String field, FieldType type, long[] times, long[] bits, String[] strings,
            int count, long version) {
        if (count == 0) {
            return;
        }
        state.writeLock.lock();
        try {
            if (finished) {
                throw new IllegalStateException(state.id + ": bulk load already finished");
            }
            if (!seriesKey.equals(current) ? buffered >= commitValues : buffered >= 4L * commitValues) {
                commit();
            }
            current = seriesKey;
            if (batch == null) {
                batch = new WriteBatch();
                lookup = new SeriesLookup(state.index);
                series = writer.new Batch(batch, lookup);
            }
            add(seriesKey, field, type, times, bits, strings, count, version);
        } catch (RocksDBException e) {
            state.index.forgetCached();
            throw StorageErrors.wrap(e, state.id, state.db.dir, "bulk load");
        } finally {
            state.writeLock.unlock();
        }
    }

    private void add(SeriesKey seriesKey, String field, FieldType type, long[] times, long[] bits, String[] strings,
            int count, long version) throws RocksDBException {
        TombstoneSet tombstones = state.tombstones;
        int first = 0;
        while (first < count && !tombstones.isEmpty() && tombstones.hides(seriesKey, times[first], version)) {
            first++;
        }
        if (first == count) {
            return;
        }
        Point representative = Point.ofOwnedArrays(seriesKey, FieldLayout.ofSorted(field), new FieldType[] {type},
                new long[] {type == FieldType.STRING ? 0 : bits[first]},
                type == FieldType.STRING ? new String[] {strings[first]} : null, times[first]);
        SeriesAdmission gate = new SeriesAdmission(lookup, tombstones, version, state.config.maxSeriesPerDatabase(),
                state.config.maxValuesPerTag());
        WriteValidator.Outcome o = WriteValidator.validate(List.of(representative), state.catalog::type, gate);
        if (o.dropped() > 0) {
            throw ShardLoader.refused(state.id, count, o.firstReason());
        }
        // The staging store is not visible: the catalog is published before the commit.
        state.catalog = writer.addFields(state.catalog, o.newFields(), batch);
        boolean unseen = lookup.ref(seriesKey) == null;
        int seriesId = series.liveSeries(seriesKey);
        if (unseen) {
            fresh.add(seriesId);
        }
        int fieldId = state.catalog.get(seriesKey.measurement(), field).id();
        if (tombstones.isEmpty()) {
            values.addRun(seriesId, fieldId, type, times, bits, strings, count, version);
        } else {
            for (int i = first; i < count; i++) {
                if (!tombstones.hides(seriesKey, times[i], version)) {
                    values.add(seriesId, Buckets.index(times[i]), fieldId, type, times[i], version,
                            type == FieldType.STRING ? 0 : bits[i], type == FieldType.STRING ? strings[i] : null);
                }
            }
        }
        buffered += count;
    }

    /**
     * Writes the part's index entries and fields now, and the blocks of the previous part (waiting for
     * their encoding); hands this part's blocks to the encoder.
     */
    private void commit() throws RocksDBException {
        if (batch == null) {
            return;
        }
        series.addIndexEntries();
        if (series.changedIndex) {
            state.putCounters(batch);
        }
        state.touch(batch);
        try {
            state.db.db.write(noWal, batch);
        } catch (RocksDBException e) {
            state.index.forgetCached();
            throw e;
        } finally {
            batch.close();
            lookup.close();
            batch = null;
            lookup = null;
            series = null;
        }
        buffered = 0;
        drain();
        BlockBatch part = values;
        List<BlockBatch.Group> groups = part.groups();
        boolean compact = state.tombstones.isEmpty();
        boolean[] put = new boolean[groups.size()];
        for (int i = 0; i < put.length; i++) {
            int id = groups.get(i).seriesId;
            put[i] = compact && fresh.contains(id) && !handedOff.contains(id);
        }
        for (BlockBatch.Group g : groups) {
            handedOff.add(g.seriesId);
        }
        pending = new Encoding(part, put, encoder.submit(() -> {
            writeBlocks(part, compact, put);
            return null;
        }));
        values = spare;
        spare = null;
    }

    /**
     * On the encoder thread: encodes the part's blocks and writes them without the log, as whole blocks
     * ({@code put}) or appended to what its series already has.
     */
    private void writeBlocks(BlockBatch part, boolean compact, boolean[] put) throws RocksDBException {
        List<BlockBatch.Group> groups = part.groups();
        try (WriteBatch blocks = new WriteBatch()) {
            for (int i = 0; i < put.length; i++) {
                BlockBatch.Group g = groups.get(i);
                byte[] key = Keys.block(g.seriesId, g.bucket);
                byte[] segment = part.encode(g, Buckets.start(g.bucket), compact);
                if (put[i]) {
                    blocks.put(state.db.data, key, segment);
                } else {
                    blocks.merge(state.db.data, key, segment);
                }
            }
            state.db.db.write(noWal, blocks);
        }
    }

    /** Waits until the part handed to the encoder is written, then marks its blocks as a write does. */
    private void drain() {
        Encoding last = pending;
        if (last == null) {
            return;
        }
        pending = null;
        last.await(state);
        // as after a write: the digest leaves to recompute, the blocks appended to for the next rewrite
        long now = state.clock.monotonicNanos();
        List<BlockBatch.Group> groups = last.values.groups();
        for (int i = 0; i < last.put.length; i++) {
            BlockBatch.Group g = groups.get(i);
            digests.markDirty(g.seriesId, g.bucket);
            if (!last.put[i]) {
                state.rewriteDirty.mark(g.seriesId, g.bucket, now);
            }
        }
        last.values.clear();
        spare = last.values;
    }

    /** One part's blocks on their way through the encoder thread. */
    private record Encoding(BlockBatch values, boolean[] put, Future<Void> written) {

        /** Waits until the part is done, even if interrupted, ignoring its outcome (the load failed already). */
        void awaitQuietly() {
            boolean interrupted = false;
            while (true) {
                try {
                    written.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException | RuntimeException e) {
                    break;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        void await(ShardState state) {
            try {
                written.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(state.id + ": interrupted while writing blocks", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RocksDBException r) {
                    throw StorageErrors.wrap(r, state.id, state.db.dir, "bulk load");
                }
                throw e.getCause() instanceof RuntimeException r ? r
                        : new IllegalStateException(state.id + ": writing blocks failed", e.getCause());
            }
        }
    }

    /** Commits the rest and flushes every memtable to synced table files. */
    @Override
    public void finish() {
        state.writeLock.lock();
        try {
            if (!finished) {
                commit();
                drain();
                finished = true;
                state.db.flush();
            }
        } catch (RocksDBException e) {
            throw StorageErrors.wrap(e, state.id, state.db.dir, "bulk load");
        } finally {
            close();
            state.writeLock.unlock();
        }
    }

    /** Releases the native handles (also after a failed load). */
    @Override
    public void close() {
        if (batch != null) {
            batch.close();
            lookup.close();
            batch = null;
            lookup = null;
        }
        // an unfinished load is discarded, but a part still being written must not outlive the store
        Encoding last = pending;
        pending = null;
        if (last != null) {
            last.awaitQuietly();
        }
        encoder.shutdown();
        noWal.close();
    }
}
