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

    private static final java.time.ZoneId CHICAGO = java.time.ZoneId.of("America/Chicago");

    private static long utc(String rfc3339) {
        return Instant.parse(rfc3339).getEpochSecond() * S;
    }

    private static String[] chicago(long[] times) {
        String[] out = new String[times.length];
        for (int i = 0; i < times.length; i++) {
            out[i] = new io.shardline.query.value.Timestamp(times[i], CHICAGO).toString();
        }
        return out;
    }

    /** The rows 1.6.7 answers with count(v) ... fill(null) tz('America/Chicago') over 15-minute points. */
    private static String[] filled(long duration, long offset, String min, String max) {
        Interval iv = new Interval(duration, offset, CHICAGO);
        long lo = iv.bucketStart(utc(min));
        long hi = iv.bucketStart(utc(max) - 1);
        java.util.TreeSet<Long> data = new java.util.TreeSet<>();
        for (long t = utc(min); t < utc(max); t += 15 * 60 * S) {
            data.add(iv.bucketStart(t));
        }
        return chicago(iv.fillTimes(lo, hi, data.stream().mapToLong(Long::longValue).toArray()));
    }

    @Test
    void dayBucketsFollowTheZonesMidnightAcrossDaylightSavingTime() {
        assertThat(filled(D, 0, "2020-03-07T00:00:00Z", "2020-03-10T00:00:00Z")).containsExactly(
                "2020-03-06T00:00:00-06:00", "2020-03-07T00:00:00-06:00", "2020-03-08T00:00:00-06:00",
                "2020-03-09T00:00:00-05:00");
        assertThat(filled(D, 0, "2020-10-31T00:00:00Z", "2020-11-03T00:00:00Z")).containsExactly(
                "2020-10-30T00:00:00-05:00", "2020-10-31T00:00:00-05:00", "2020-11-01T00:00:00-05:00",
                "2020-11-02T00:00:00-06:00");
        assertThat(filled(12 * H, H, "2020-03-07T00:00:00Z", "2020-03-10T00:00:00Z")).containsExactly(
                "2020-03-06T13:00:00-06:00", "2020-03-07T01:00:00-06:00", "2020-03-07T13:00:00-06:00",
                "2020-03-08T01:00:00-06:00", "2020-03-08T13:00:00-05:00", "2020-03-09T01:00:00-05:00",
                "2020-03-09T13:00:00-05:00");
    }

    @Test
    void hourBucketsAcrossTheSwitchAsInfluxDb() {
        assertThat(filled(H, 0, "2020-03-08T05:00:00Z", "2020-03-08T10:00:00Z")).containsExactly(
                "2020-03-07T23:00:00-06:00", "2020-03-08T00:00:00-06:00", "2020-03-08T01:00:00-06:00",
                "2020-03-08T03:00:00-05:00", "2020-03-08T04:00:00-05:00");
        assertThat(filled(H, 0, "2020-11-01T04:00:00Z", "2020-11-01T09:00:00Z")).containsExactly(
                "2020-10-31T23:00:00-05:00", "2020-11-01T00:00:00-05:00", "2020-11-01T01:00:00-05:00",
                "2020-11-01T01:00:00-06:00", "2020-11-01T02:00:00-06:00");
        // 2h buckets: the one at 00:00 CDT is three hours long, and 1.x's fill still emits a row at 01:00 CST
        assertThat(filled(2 * H, 0, "2020-11-01T04:00:00Z", "2020-11-01T09:00:00Z")).containsExactly(
                "2020-10-31T22:00:00-05:00", "2020-11-01T00:00:00-05:00", "2020-11-01T01:00:00-06:00",
                "2020-11-01T02:00:00-06:00");
        Interval two = new Interval(2 * H, 0, CHICAGO);
        assertThat(two.bucketStart(utc("2020-11-01T07:30:00Z"))).isEqualTo(utc("2020-11-01T05:00:00Z"));
        assertThat(two.bucketEnd(utc("2020-11-01T05:00:00Z"))).isEqualTo(utc("2020-11-01T08:00:00Z"));
    }

    @Test
    void withoutAZoneFillTimesAreTheGrid() {
        assertThat(new Interval(H, 0).fillTimes(0, 3 * H, new long[0])).containsExactly(0, H, 2 * H, 3 * H);
    }
}
