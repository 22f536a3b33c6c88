package io.shardline.storage;

import io.shardline.model.Point;
import java.util.List;

/**
 * Writes and deletes in one shard. Thread-safe.
 */
public interface ShardWriter {

    /**
     * Stores {@code points}, every value with {@code version}, and returns once they are in the
     * write-ahead log. Per point, in 1.x order: a {@code time} tag drops it, {@code time} fields are
     * removed (a point left without fields is dropped), a field whose type differs from the one
     * fixed in this shard drops it, and a point that would create a series beyond
     * {@code max-series-per-database} or a tag value beyond {@code max-values-per-tag} is dropped;
     * the rest are stored. For the same series, field and timestamp the higher version wins; equal
     * versions keep the greater value (type, then bits, then string), also within one batch, so the
     * outcome never depends on how a batch was split or replayed. Callers wanting 1.x's "last point
     * of a request wins" apply {@link PointDedup#lastWins} to the request before stamping it.
     */
    WriteResult write(List<Point> points, long version);

    /** Records a versioned delete; values it covers become invisible at once. */
    void delete(Tombstone tombstone);
}
