package io.shardline.query.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.query.QueryException;
import io.shardline.query.eval.TimeRange;
import io.shardline.query.value.Rfc3339;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** GROUP BY time bucket alignment (epoch + offset) and Go's Truncate (year 1). */
class IntervalTest {

    private static final long S = 1_000_000_000L;
    private static final long H = 3600 * S;
    private static final long D = 24 * H;
    private static final long W = 7 * D;
    private static final long T = 1_257_894_000_000_000_000L; // 2009-11-10T23:00:00Z, a Tuesday

    @Test
    void weekBucketsStartOnThursdays() {
        long start = new Interval(W, 0).bucketStart(T);
        assertThat(Rfc3339.format(start)).isEqualTo("2009-11-05T00:00:00Z");
        assertThat(Instant.ofEpochSecond(start / S).atZone(ZoneOffset.UTC).getDayOfWeek())
                .isEqualTo(DayOfWeek.THURSDAY);
        assertThat(new Interval(W, 0).bucketStart(0)).isZero();
        assertThat(new Interval(W, 0).bucketStart(-1)).isEqualTo(-W);
    }

    @Test
    void offsetsShiftBucketsAndAreTakenModuloTheInterval() {
        assertThat(new Interval(H, 15 * 60 * S).bucketStart(T)).isEqualTo(T - 45 * 60 * S);
        assertThat(new Interval(H, -45 * 60 * S).bucketStart(T)).isEqualTo(T - 45 * 60 * S);
        assertThat(new Interval(H, H + 15 * 60 * S).offset()).isEqualTo(15 * 60 * S);
        assertThat(new Interval(5 * S, 0).bucketStart(T + 7 * S)).isEqualTo(T + 5 * S);
        assertThat(new Interval(D, 0).bucketStart(T)).isEqualTo(T - 23 * H);
    }

    @Test
    void goTruncateCountsFromYearOne() {
        assertThat(GoTime.truncate(T, W)).isEqualTo(1_257_724_800_000_000_000L); // Monday 2009-11-09
        assertThat(GoTime.truncate(T, H)).isEqualTo(T);
        assertThat(GoTime.truncate(0, W)).isEqualTo(-259_200_000_000_000L);
        assertThat(GoTime.truncate(-1, H)).isEqualTo(-3_600_000_000_000L);
    }

    @Test
    void bucketCountsAndTheMaxSelectBucketsLimit() {
        Interval iv = new Interval(5 * S, 0);
        assertThat(iv.bucketCount(T, T + 20 * S - 1)).isEqualTo(4);
        assertThat(iv.bucketCount(T + 1, T + 20 * S)).isEqualTo(5);
        TimeRange unbounded = new TimeRange(TimeRange.UNSET_MIN, T);
        assertThat(iv.bucketCount(unbounded)).isGreaterThan(1_000_000_000L);
        iv.checkMaxSelectBuckets(new TimeRange(T, T + 20 * S - 1), 4);
        iv.checkMaxSelectBuckets(unbounded, 0);
        assertThatThrownBy(() -> iv.checkMaxSelectBuckets(new TimeRange(T, T + 20 * S - 1), 3))
                .isInstanceOf(QueryException.class).hasMessage("max-select-buckets limit exceeded: (4/3)");
    }
}
