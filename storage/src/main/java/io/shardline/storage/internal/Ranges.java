package io.shardline.storage.internal;

import io.shardline.model.SeriesKey;
import io.shardline.storage.SeriesRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Groups series ranges by series (in key order) and merges each series' ranges into sorted,
 * disjoint intervals, so exports visit every value at most once and in time order. Stateless.
 */
public final class Ranges {

    private Ranges() {
    }

    /** Per series, ascending disjoint {@code {min, max}} intervals. */
    public static TreeMap<SeriesKey, List<long[]>> bySeries(List<SeriesRange> ranges) {
        TreeMap<SeriesKey, List<long[]>> raw = new TreeMap<>(Utf8Order.SERIES);
        for (SeriesRange r : ranges) {
            raw.computeIfAbsent(r.series(), s -> new ArrayList<>()).add(new long[] {r.minTime(), r.maxTime()});
        }
        for (Map.Entry<SeriesKey, List<long[]>> e : raw.entrySet()) {
            e.setValue(merge(e.getValue()));
        }
        return raw;
    }

    private static List<long[]> merge(List<long[]> intervals) {
        intervals.sort(Comparator.comparingLong(a -> a[0]));
        List<long[]> out = new ArrayList<>(intervals.size());
        for (long[] iv : intervals) {
            long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && (iv[0] <= last[1] || last[1] != Long.MAX_VALUE && iv[0] == last[1] + 1)) {
                last[1] = Math.max(last[1], iv[1]);
            } else {
                out.add(new long[] {iv[0], iv[1]});
            }
        }
        return out;
    }
}
