package io.shardline.storage.rocks;

import io.shardline.model.SeriesKey;
import io.shardline.storage.block.BlockColumns;
import io.shardline.storage.block.BlockReader;
import io.shardline.storage.digest.EntryHash;
import io.shardline.storage.digest.LeafHasher;
import io.shardline.storage.digest.LeafSummary;
import io.shardline.storage.internal.Buckets;
import io.shardline.storage.internal.Column;
import io.shardline.storage.internal.SeriesTombstones;
import io.shardline.storage.internal.TombstoneSet;

/**
 * Computes digest leaves and row hashes from stored blocks: decode, merge, hide what tombstones
 * cover, hash. Reusable and not thread-safe: one per digest build.
 */
final class BlockLeaves {

    private final BlockReader reader = new BlockReader();
    private final BlockColumns columns = new BlockColumns();
    final LeafHasher hasher = new LeafHasher();
    private int cachedSeries = -1;
    private SeriesKey cachedKey;
    private long cachedHash;
    private SeriesTombstones cachedTombstones;

    /** Starts a leaf or row range of series {@code id}. */
    void begin(ShardState state, TombstoneSet tombstones, int seriesId, long cutoff) {
        if (seriesId != cachedSeries) {
            cachedSeries = seriesId;
            cachedKey = state.seriesKey(seriesId);
            cachedHash = EntryHash.series(cachedKey);
            cachedTombstones = tombstones.forSeries(cachedKey);
        }
        hasher.begin(cachedHash, cutoff);
    }

    SeriesKey key() {
        return cachedKey;
    }

    /** Adds the visible values of a block within {@code [min, max]}. */
    void add(FieldCatalog catalog, byte[] block, int bucket, long min, long max) {
        reader.read(block, Buckets.start(bucket), catalog::contains, columns);
        BlockReader.filter(columns, cachedTombstones, min, max);
        for (int i = 0; i < columns.count(); i++) {
            Column c = columns.at(i);
            hasher.addColumn(catalog.byId(c.fieldId).field(), c.type, c.size, c.ts, c.versions, c.bits, c.strings);
        }
    }

    /** The leaf of one whole block. */
    LeafSummary leaf(ShardState state, FieldCatalog catalog, TombstoneSet tombstones, int seriesId, int bucket,
            byte[] block, long cutoff) {
        begin(state, tombstones, seriesId, cutoff);
        add(catalog, block, bucket, Long.MIN_VALUE, Long.MAX_VALUE);
        return hasher.finish();
    }

    /** Forgets the cached series (tombstones changed). */
    void reset() {
        cachedSeries = -1;
    }
}
