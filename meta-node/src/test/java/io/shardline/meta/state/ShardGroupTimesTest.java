package io.shardline.meta.state;

import static io.shardline.meta.state.ShardGroupTimes.DAY;
import static io.shardline.meta.state.ShardGroupTimes.HOUR;
import static io.shardline.meta.state.ShardGroupTimes.WEEK;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShardGroupTimesTest {

    private static final BigInteger GO_ZERO_TIME = BigInteger.valueOf(-62_135_596_800L)
            .multiply(BigInteger.valueOf(1_000_000_000L));

    @ParameterizedTest(name = "RP duration {0}ns -> {1}ns groups")
    @CsvSource({
            "0, 604800000000000",                       // INF -> 7d
            "15552000000000000, 604800000000000",       // 180d -> 7d
            "31536000000000000, 604800000000000",       // 365d -> 7d
            "15551999999999999, 86400000000000",        // just under 180d -> 1d
            "172800000000000, 86400000000000",          // 2d -> 1d
            "172799999999999, 3600000000000",           // just under 2d -> 1h
            "86400000000000, 3600000000000",            // 1d -> 1h
            "3600000000000, 3600000000000"              // 1h -> 1h
    })
    void defaultShardGroupDurationFollowsTheRetentionDuration(long retention, long expected) {
        assertThat(ShardGroupTimes.defaultShardGroupDuration(retention)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "shard duration {0} with RP {1} -> {2}")
    @CsvSource({
            "0, 0, 604800000000000",
            "0, 86400000000000, 3600000000000",
            "1800000000000, 0, 3600000000000",          // 30m -> 1h
            "1, 0, 3600000000000",
            "-5, 0, 3600000000000",
            "7200000000000, 0, 7200000000000",          // 2h stays
            "3600000000001, 0, 3600000000001"
    })
    void userShardDurationsBelowOneHourBecomeOneHour(long given, long retention, long expected) {
        assertThat(ShardGroupTimes.normalisedShardGroupDuration(given, retention)).isEqualTo(expected);
    }

    /** The reference's worked examples of Go's Time.Truncate. */
    @ParameterizedTest(name = "truncate({0}, {1}) = {2}")
    @CsvSource({
            "0, 604800000000000, -259200000000000",
            "1257894000000000000, 3600000000000, 1257894000000000000",
            "1257894000000000000, 86400000000000, 1257811200000000000",
            "1257894000000000000, 604800000000000, 1257724800000000000",
            "-1, 3600000000000, -3600000000000",
            "0, 3600000000000, 0",
            "3599999999999, 3600000000000, 0",
            "345600000000000, 604800000000000, 345600000000000",
            "345599999999999, 604800000000000, -259200000000000"
    })
    void truncatesLikeGo(long t, long d, long expected) {
        assertThat(ShardGroupTimes.truncate(t, d)).isEqualTo(expected);
    }

    @Test
    void sevenDayGroupAroundTheEpochStartsOnMondayAndEndsTheNextMonday() {
        long start = ShardGroupTimes.truncate(0, WEEK);
        long end = ShardGroupTimes.groupEnd(start, WEEK);
        assertThat(start).isEqualTo(-259_200_000_000_000L);
        assertThat(end).isEqualTo(345_600_000_000_000L);
        assertThat(dayOfWeek(start)).isEqualTo(DayOfWeek.MONDAY);
        assertThat(dayOfWeek(end)).isEqualTo(DayOfWeek.MONDAY);
    }

    @Test
    void alignmentMatchesGoZeroTimeArithmeticForAnyDuration() {
        Random random = new Random(7);
        long[] durations = {HOUR, DAY, WEEK, 5 * HOUR, 3 * DAY + 1, 1_000_000_007L, 365 * DAY};
        for (int i = 0; i < 20_000; i++) {
            long d = durations[i % durations.length];
            long t = random.nextLong(-4_000_000_000_000_000_000L, 4_000_000_000_000_000_000L);
            long start = ShardGroupTimes.truncate(t, d);
            BigInteger sinceZero = BigInteger.valueOf(t).subtract(GO_ZERO_TIME);
            BigInteger expected = BigInteger.valueOf(t).subtract(sinceZero.mod(BigInteger.valueOf(d)));
            assertThat(start).as("t=%d d=%d", t, d).isEqualTo(expected.longValueExact());
            assertThat(start).isLessThanOrEqualTo(t);
            assertThat(t - start).isLessThan(d);
            if (d == WEEK) {
                assertThat(dayOfWeek(start)).isEqualTo(DayOfWeek.MONDAY);
            }
        }
    }

    @Test
    void clampsAtTheEdgesOfTime() {
        assertThat(ShardGroupTimes.truncate(ShardGroupTimes.MIN_NANO_TIME, WEEK))
                .isEqualTo(ShardGroupTimes.MIN_NANO_TIME);
        long lastStart = ShardGroupTimes.truncate(ShardGroupTimes.MAX_NANO_TIME, WEEK);
        assertThat(ShardGroupTimes.groupEnd(lastStart, WEEK)).isEqualTo(Long.MAX_VALUE);
        assertThat(ShardGroupTimes.groupEnd(0, WEEK)).isEqualTo(WEEK);
        assertThat(ShardGroupTimes.truncate(123, 0)).isEqualTo(123);
    }

    private static DayOfWeek dayOfWeek(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L)).atZone(ZoneOffset.UTC).getDayOfWeek();
    }
}
