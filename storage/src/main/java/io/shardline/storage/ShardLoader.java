package io.shardline.storage;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.model.FieldLayout;
import io.shardline.model.FieldType;
import io.shardline.model.Point;
import io.shardline.model.SeriesKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills a new, not yet visible shard in bulk for a {@link ShardConverter}: whole runs of one field of
 * one series at a time instead of points. What it stores is what {@link ShardWriter#write} would store
 * for the same values as single-field points (the same rules, the same series, fields and content, so
 * the same digests); a value those rules would drop fails the load, and the engine then discards the
 * shard. An engine may buffer: {@link #finish} stores the rest. Used by the one converting thread.
 */
public interface ShardLoader {

    /** Points per write of {@link #through}. */
    int POINT_BATCH = 5_000;

    /**
     * Stores values {@code [0, count)} of field {@code field} of {@code series}, timestamps strictly
     * ascending, type {@code type} ({@code strings} for strings, raw bits in {@code bits} otherwise),
     * every value with {@code version}. The arrays are the caller's again when this returns.
     *
     * @throws ShardlineException {@code FAILED_PRECONDITION} if the shard's write rules drop a value
     *     (a {@code time} tag or field, a field type conflict, a series or tag-value limit)
     */
    void load(SeriesKey series, String field, FieldType type, long[] times, long[] bits, String[] strings, int count,
              long version);

    /** Stores whatever is buffered; called once, after the last {@link #load}. */
    void finish();

    /**
     * A loader that writes single-field points through {@code store}'s ordinary write path in batches of
     * {@link #POINT_BATCH} (for engines without a bulk path).
     */
    static ShardLoader through(ShardStore store) {
        return new ShardLoader() {
            private final List<Point> batch = new ArrayList<>(POINT_BATCH);
            private long batchVersion;

            @Override
            public void load(SeriesKey series, String field, FieldType type, long[] times, long[] bits,
                    String[] strings, int count, long version) {
                if (!batch.isEmpty() && version != batchVersion) {
                    finish();
                }
                batchVersion = version;
                FieldLayout layout = FieldLayout.ofSorted(field);
                FieldType[] types = {type};
                for (int i = 0; i < count; i++) {
                    long[] value = {type == FieldType.STRING ? 0 : bits[i]};
                    String[] string = type == FieldType.STRING ? new String[] {strings[i]} : null;
                    batch.add(Point.ofOwnedArrays(series, layout, types, value, string, times[i]));
                    if (batch.size() >= POINT_BATCH) {
                        finish();
                    }
                }
            }

            @Override
            public void finish() {
                if (batch.isEmpty()) {
                    return;
                }
                WriteResult r = store.write(batch, batchVersion);
                if (r.dropped() > 0) {
                    throw refused(store.id(), r.dropped(), r.firstReason());
                }
                batch.clear();
            }
        };
    }

    /** The error of a load whose values the shard's rules drop. */
    static ShardlineException refused(ShardId id, long dropped, String reason) {
        return new ShardlineException(ErrorCode.FAILED_PRECONDITION, "shard " + id.id() + " refused " + dropped
                + " converted points: " + reason);
    }
}
