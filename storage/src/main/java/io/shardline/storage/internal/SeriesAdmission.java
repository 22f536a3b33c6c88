package io.shardline.storage.internal;

import io.shardline.model.Point;
import io.shardline.model.SeriesKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The series gate of one write batch: a point that would make a series live (a new series, or one
 * whose values are all deleted, receiving a value no tombstone hides) is checked against
 * {@code max-series-per-database} and {@code max-values-per-tag}, counting the series and tag values
 * this batch already admitted. Tag values are looked up only while {@code max-values-per-tag} is on,
 * so with the limit off a new series costs no index read here. Not thread-safe: one per batch, under the store's write lock.
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

    private record TagValue(String measurement, String key, String value) {
    }

    private record TagKey(String measurement, String key) {
    }

    private final LiveIndex index;
    private final TombstoneSet tombstones;
    private final long version;
    private final long maxSeries;
    private final long maxValuesPerTag;
    private final Set<SeriesKey> admitted = new HashSet<>();
    private final Set<TagValue> newValues = new HashSet<>();
    private final Map<TagKey, Integer> newValueCounts = new HashMap<>();

    public SeriesAdmission(LiveIndex index, TombstoneSet tombstones, long version, long maxSeries,
            long maxValuesPerTag) {
        this.index = index;
        this.tombstones = tombstones;
        this.version = version;
        this.maxSeries = maxSeries;
        this.maxValuesPerTag = maxValuesPerTag;
    }

    /** Series this batch makes live. */
    public Set<SeriesKey> admitted() {
        return admitted;
    }

    @Override
    public String admit(Point p) {
        SeriesKey s = p.series();
        if (admitted.contains(s) || index.isLive(s) || tombstones.hides(s, p.timestamp(), version)) {
            return null;
        }
        String reason = SeriesLimits.checkSeries(index.liveSeries() + admitted.size(), maxSeries);
        if (reason == null && maxValuesPerTag > 0) {
            reason = checkTags(s);
        }
        if (reason == null) {
            admitted.add(s);
            if (maxValuesPerTag <= 0) {
                return null;
            }
            for (int i = 0; i < s.tagCount(); i++) {
                TagValue tv = new TagValue(s.measurement(), s.tagKey(i), s.tagValue(i));
                if (!index.hasTagValue(tv.measurement, tv.key, tv.value) && newValues.add(tv)) {
                    newValueCounts.merge(new TagKey(tv.measurement, tv.key), 1, Integer::sum);
                }
            }
        }
        return reason;
    }

    private String checkTags(SeriesKey s) {
        for (int i = 0; i < s.tagCount(); i++) {
            TagValue tv = new TagValue(s.measurement(), s.tagKey(i), s.tagValue(i));
            if (newValues.contains(tv) || index.hasTagValue(tv.measurement, tv.key, tv.value)) {
                continue;
            }
            long n = index.tagValueCount(tv.measurement, tv.key)
                    + newValueCounts.getOrDefault(new TagKey(tv.measurement, tv.key), 0);
            String reason = SeriesLimits.checkTagValues(n, maxValuesPerTag, tv.measurement, tv.key, tv.value);
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }
}
