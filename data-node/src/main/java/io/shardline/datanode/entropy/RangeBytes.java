package io.shardline.datanode.entropy;

import io.shardline.storage.SeriesRange;
import java.util.List;

/** The approximate wire size of a list of ranges (series key text plus two times each). Stateless. */
final class RangeBytes {

    private RangeBytes() {
    }

    static long estimate(List<SeriesRange> ranges) {
        long n = 0;
        for (SeriesRange r : ranges) {
            n += r.series().toString().length() + 12;
        }
        return n;
    }
}
