package io.shardline.query.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Holt-Winters against answers of InfluxDB 1.6.7 for the same input (the means of the differential data set),
 * compared bit for bit, and its edge cases.
 */
class HoltWintersTest {

    private static final long M = 60_000_000_000L;
    private static final long T0 = 1_577_836_800_000_000_000L; // 2020-01-01T00:00:00Z

    private static long[] times(long first, long step, int n) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = first + i * step;
        }
        return t;
    }

    @Test
    void seasonalForecastWithFitMatchesInfluxDb() {
        // SELECT holt_winters_with_fit(mean(usage_user), 3, 2) ... GROUP BY time(10m, 3m) from 00:00 to 01:00
        double[] means = {48.91444444444444, 47.152, 54.37233333333334, 50.772000000000006, 54.51866666666667,
                54.51533333333334, 50.263333333333335};
        List<HoltWinters.Point> out = new HoltWinters(3, 2, true, 10 * M)
                .emit(times(T0 - 7 * M, 10 * M, means.length), means);
        assertThat(out).extracting(HoltWinters.Point::value).containsExactly(48.91444444444444, 48.19771718141289,
                52.85146100668643, 52.34454871255943, 54.77997653934065, 52.43242671507948, 51.5180252028985,
                44.52752781991144, 34.53857187412118, 14.241354666328368);
        assertThat(out.get(0).time()).isEqualTo(T0 - 7 * M);
        assertThat(out.get(9).time()).isEqualTo(T0 + 83 * M);
    }
}
