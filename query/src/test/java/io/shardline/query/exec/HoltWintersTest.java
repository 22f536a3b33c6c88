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

    @Test
    void nonSeasonalForecastMatchesInfluxDb() {
        // SELECT holt_winters(mean(usage_user), 3, 0) ... GROUP BY time(10m) from 00:00 to 01:00
        double[] means = {43.159666666666666, 54.80133333333333, 55.76166666666666, 46.841, 61.86333333333334,
                48.76200000000001};
        List<HoltWinters.Point> out = new HoltWinters(3, 0, false, 10 * M).emit(times(T0, 10 * M, 6), means);
        assertThat(out).containsExactly(new HoltWinters.Point(T0 + 60 * M, 53.56332806199747),
                new HoltWinters.Point(T0 + 70 * M, 53.563326932261944),
                new HoltWinters.Point(T0 + 80 * M, 53.563326799597704));
    }

    @Test
    void tooFewPointsOrDescendingTimeGiveNothing() {
        HoltWinters hw = new HoltWinters(3, 2, false, 10 * M);
        assertThat(hw.emit(new long[0], new double[0])).isEmpty();
        assertThat(hw.emit(new long[] {T0}, new double[] {1})).isEmpty();
        // fewer points than a season
        assertThat(new HoltWinters(3, 4, false, 10 * M).emit(times(T0, 10 * M, 3), new double[] {1, 2, 3}))
                .isEmpty();
        // ORDER BY time DESC: 1.x's grid would run backwards, so it answers nothing
        assertThat(hw.emit(times(T0 + 50 * M, -10 * M, 6), new double[] {1, 2, 3, 4, 5, 6})).isEmpty();
        // two points in the same rounded bucket: nothing to fit
        assertThat(hw.emit(new long[] {T0, T0 + M}, new double[] {1, 2})).isEmpty();
    }

    @Test
    void gapsBecomeNaNThatTheFitSkips() {
        List<HoltWinters.Point> out = new HoltWinters(2, 0, true, 10 * M)
                .emit(new long[] {T0, T0 + 10 * M, T0 + 40 * M, T0 + 50 * M}, new double[] {1, 2, 5, 6});
        // the fitted grid has six slots (two of them gaps) plus two forecasts; every output is a number
        assertThat(out).hasSize(8);
        assertThat(out).allSatisfy(p -> assertThat(p.value()).isFinite());
        assertThat(out.get(7).time()).isEqualTo(T0 + 70 * M);
    }
}
