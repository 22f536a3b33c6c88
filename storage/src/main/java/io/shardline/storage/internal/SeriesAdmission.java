package io.shardline.storage.internal;

import io.shardline.model.Point;
import io.shardline.model.SeriesKey;
import java.util.List;

/**
 * The series gate of one write batch, with InfluxDB 1.6's rules (the default {@code inmem} index,
 * checked per shard): a point that would make a series live (a new series, or one whose values are
 * all deleted, receiving a value no tombstone hides) is dropped if one of its tag values is new while
 * its tag key already has {@code max-values-per-tag} values (values this batch adds do not count);
 * then, if the live series plus the remaining such points (each point counts, as in 1.x) exceed
 * {@code max-series-per-database}, all of them are dropped. A limit's reason is the batch's reason
 * (the series limit's before the first tag value's). Points of live series are always kept (1.6.7
 * sometimes drops some of them too, without counting them: a slice it compacts in place is read
 * again afterwards). Tag values are looked up only while
 * {@code max-values-per-tag} is on. Not thread-safe: one per batch, under the store's write lock.
 */
public final class SeriesAdmission implements WriteValidator.SeriesGate {

    /** What the gate needs from the store's index. */
    public interface LiveIndex {
        boolean isLive(SeriesKey series);

        long liveSeries();

        /** Distinct values of {@code tagKey} among live series of {@code measurement}. */
        long tagValueCount(String measurement, String tagKey);

        /** Whether some live series of {@code measurement} has {@code tagKey=tagValue}. */
        boolean hasTagValue(String measurement, String tagKey, String tagValue);
    }

    private final LiveIndex index;
    private final TombstoneSet tombstones;
    private final long version;
    private final long maxSeries;
    private final long maxValuesPerTag;

    public SeriesAdmission(LiveIndex index, TombstoneSet tombstones, long version, long maxSeries,
            long maxValuesPerTag) {
        this.index = index;
        this.tombstones = tombstones;
        this.version = version;
        this.maxSeries = maxSeries;
        this.maxValuesPerTag = maxValuesPerTag;
    }

    @Override
    public WriteValidator.Admission admit(List<Point> points) {
        String[] reasons = new String[points.size()];
        String batchReason = null;
        int creating = 0;
        for (int i = 0; i < reasons.length; i++) {
            Point p = points.get(i);
            if (createsSeries(p)) {
                reasons[i] = maxValuesPerTag > 0 ? checkTags(p.series()) : null;
                creating += reasons[i] == null ? 1 : 0;
                batchReason = batchReason == null ? reasons[i] : batchReason;
            }
        }
        String tooMany = SeriesLimits.checkSeries(index.liveSeries(), creating, maxSeries);
        if (tooMany != null) {
            batchReason = tooMany;
            for (int i = 0; i < reasons.length; i++) {
                if (reasons[i] == null && createsSeries(points.get(i))) {
                    reasons[i] = tooMany;
                }
            }
        }
        return new WriteValidator.Admission(reasons, batchReason);
    }

    private boolean createsSeries(Point p) {
        SeriesKey s = p.series();
        return !index.isLive(s) && (tombstones.isEmpty() || !tombstones.hides(s, p.timestamp(), version));
    }

    private String checkTags(SeriesKey s) {
        for (int i = 0; i < s.tagCount(); i++) {
            if (index.hasTagValue(s.measurement(), s.tagKey(i), s.tagValue(i))) {
                continue;
            }
            long n = index.tagValueCount(s.measurement(), s.tagKey(i));
            String reason = SeriesLimits.checkTagValues(n, maxValuesPerTag, s.measurement(), s.tagKey(i), s.tagValue(i));
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }
}
