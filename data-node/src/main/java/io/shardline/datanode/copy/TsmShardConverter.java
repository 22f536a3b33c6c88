package io.shardline.datanode.copy;

import io.shardline.common.error.ShardlineException;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.model.FieldType;
import io.shardline.storage.ShardConverter;
import io.shardline.storage.ShardLoader;
import io.shardline.tsm.TsmArchive;
import io.shardline.tsm.TsmFormat;
import io.shardline.tsm.TsmKey;
import io.shardline.tsm.TsmPoints;
import io.shardline.tsm.TsmShardReader;
import io.shardline.tsm.block.BlockValues;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Converts an InfluxDB 1.x shard's TSM files (with their tombstone files, or the portable backup's shard
 * archive holding them, unpacked here as it arrives so the restoring client need not read it twice and the
 * unpacking overlaps the transfer) into a Shardline shard: the
 * live values as InfluxDB serves them ({@link TsmShardReader}: files merged, newest wins, tombstones
 * applied), keeping only the series that hash to {@code shardId} in its shard group (an InfluxDB shard
 * may become several Shardline shards), every value stamped with one {@code version} so all owners
 * hold identical replicas. Streams key by key in bounded memory and hands the values of a key (one
 * field of one series, its chunks gathered up to {@link #GATHER} values) to the engine's bulk path in
 * one run ({@link ShardLoader}), with no point per value. One instance per restore; runs on the ingesting thread.
 */
public final class TsmShardConverter implements ShardConverter {

    /**
     * Most values of one key handed to the loader at once: the chunks of a key (one per file when its
     * files hold consecutive time ranges, as InfluxDB's generations do) go in one call, so the loader's
     * per-run work (the write rules on a representative point, series and field lookups) is done once
     * per key rather than once per chunk.
     */
    static final int GATHER = 1 << 16;

    private final ShardGroupInfo group;
    private final long shardId;
    private final long version;
    private long[] times = new long[TsmShardReader.CHUNK];
    private long[] bits = new long[TsmShardReader.CHUNK];
    private String[] strings = new String[TsmShardReader.CHUNK];
    /** The key whose values are gathered (null while skipping a key of another shard), their number and type. */
    private TsmKey gathering;
    private int gathered;
    private FieldType type;
    private long points;

    public TsmShardConverter(ShardGroupInfo group, long shardId, long version) {
        this.group = group;
        this.shardId = shardId;
        this.version = version;
    }

    /**
     * A portable backup's shard archive ({@code .tar.gz}, format {@code tsm.tar.gz}) is unpacked as it arrives:
     * its TSM and tombstone files are written into the staging directory ({@link TsmArchive}; the restoring
     * client names the archive and shard in its error).
     */
    @Override
    public Optional<Unpacker> unpacker(String name) {
        return name.endsWith(TsmArchive.EXTENSION) ? Optional.of(TsmArchive::extract) : Optional.empty();
    }

    /** Converts {@code files}: TSM and tombstone files (those of an archive once {@linkplain #unpacker unpacked}). */
    @Override
    public void convert(List<Path> files, ShardLoader shard) {
        Path dir = files.isEmpty() ? null : files.get(0).getParent();
        try {
            convertTsm(files.stream().filter(p -> p.getFileName().toString().endsWith(TsmFormat.EXTENSION)).toList(),
                    shard);
        } catch (ShardlineException e) {
            // name the file as in the archive, not by the node's staging path
            String message = dir == null ? e.getMessage() : e.getMessage().replace(dir + "/", "");
            throw new ShardlineException(e.code(), message, e);
        }
    }

    private void convertTsm(List<Path> tsm, ShardLoader shard) {
        try (TsmShardReader reader = TsmShardReader.open(tsm)) {
            byte[] rawKey = null;
            while (reader.next()) {
                if (!Arrays.equals(reader.rawKey(), rawKey)) {
                    load(shard);
                    rawKey = reader.rawKey();
                    TsmKey key = reader.key();
                    gathering = group.shardFor(key.series().fnv64a()).id() == shardId ? key : null;
                }
                if (gathering == null) {
                    continue;
                }
                BlockValues values = reader.values();
                TsmPoints.checkFinite(gathering, values);
                // the reader gives a key one type (it refuses files that disagree); the check keeps a run one type
                if (gathered > 0 && (gathered + values.size() > GATHER || values.type() != type)) {
                    load(shard);
                }
                append(values);
            }
            load(shard);
        }
    }

    /** Appends a chunk of the key being gathered. */
    private void append(BlockValues values) {
        int n = gathered + values.size();
        if (n > times.length) {
            int capacity = Math.max(n, 2 * times.length);
            times = Arrays.copyOf(times, capacity);
            bits = Arrays.copyOf(bits, capacity);
            strings = Arrays.copyOf(strings, capacity);
        }
        values.copyTo(times, bits, strings, gathered);
        type = values.type();
        gathered = n;
    }

    /** Hands the values gathered of the current key to the loader in one run. */
    private void load(ShardLoader shard) {
        if (gathered == 0) {
            return;
        }
        shard.load(gathering.series(), gathering.field(), type, times, bits, strings, gathered, version);
        points += gathered;
        if (type == FieldType.STRING) {
            Arrays.fill(strings, 0, gathered, null);
        }
        gathered = 0;
    }

    /** Values converted so far. */
    public long points() {
        return points;
    }
}
