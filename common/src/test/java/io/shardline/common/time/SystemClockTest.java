package io.shardline.common.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import org.junit.jupiter.api.Test;

class SystemClockTest {

    @Test
    void offsetShiftsWallTimeOnly() {
        SystemClock plain = new SystemClock(0);
        SystemClock ahead = new SystemClock(SystemClock.offsetNanos("+30s"));
        long before = plain.wallMillis();
        long skewed = ahead.wallMillis();
        long after = plain.wallMillis();
        assertThat(skewed).isBetween(before + 30_000, after + 30_000);
        long nanos = ahead.wallNanos() - plain.wallNanos();
        assertThat(nanos).isBetween(29_000_000_000L, 30_000_000_000L);
        long mono = plain.monotonicNanos();
        assertThat(ahead.monotonicNanos()).isBetween(mono, mono + 10_000_000_000L);
    }

    @Test
    void parsesSignedGoDurations() {
        assertThat(SystemClock.offsetNanos(null)).isZero();
        assertThat(SystemClock.offsetNanos(" ")).isZero();
        assertThat(SystemClock.offsetNanos("-30s")).isEqualTo(-30_000_000_000L);
        assertThat(SystemClock.offsetNanos("+1m30s")).isEqualTo(90_000_000_000L);
        assertThat(SystemClock.offsetNanos("250ms")).isEqualTo(250_000_000L);
        assertThat(new SystemClock(SystemClock.offsetNanos("-2m")).offset()).hasSeconds(-120);
    }

    @Test
    void refusesWhatIsNotADuration() {
        assertThatThrownBy(() -> SystemClock.offsetNanos("30 seconds"))
                .isInstanceOf(ShardlineException.class)
                .hasMessageContaining("-Dshardline.clock.offset=30 seconds")
                .satisfies(e -> assertThat(((ShardlineException) e).code()).isEqualTo(ErrorCode.CONFIG_INVALID));
    }

    @Test
    void theProcessClockHasNoOffsetUnlessTheSystemPropertySaysSo() {
        assertThat(System.getProperty("shardline.clock.offset")).isNull();
        assertThat(Clock.systemOffset()).isZero();
    }
}
