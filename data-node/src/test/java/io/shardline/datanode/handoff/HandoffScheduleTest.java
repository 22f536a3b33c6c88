package io.shardline.datanode.handoff;

import io.shardline.common.rate.RateLimiter;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.time.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HandoffScheduleTest {

    @Test
    void doublesFromRetryIntervalUpToTheMaximumAndResetsAfterSuccess() {
        HandoffSchedule s = new HandoffSchedule(Duration.ofSeconds(1), Duration.ofSeconds(200));
        assertThat(s.delayAfter(0)).isZero();
        assertThat(s.delayAfter(1)).hasSeconds(1);
        assertThat(s.delayAfter(2)).hasSeconds(2);
        assertThat(s.delayAfter(3)).hasSeconds(4);
        assertThat(s.delayAfter(8)).hasSeconds(128);
        assertThat(s.delayAfter(9)).hasSeconds(200);
        assertThat(s.delayAfter(1_000)).hasSeconds(200);
    }

    @Test
    void nextAttemptFollowsAManualClock() {
        ManualClock clock = new ManualClock();
        HandoffSchedule s = new HandoffSchedule(Duration.ofMillis(100), Duration.ofMillis(350));
        long at = s.nextAttemptAt(clock.monotonicNanos(), 3);
        clock.advance(Duration.ofMillis(349));
        assertThat(clock.monotonicNanos()).isLessThan(at);
        clock.advance(Duration.ofMillis(1));
        assertThat(clock.monotonicNanos()).isEqualTo(at);
    }

    @Test
    void rateLimiterSpreadsBytesOverTime() {
        RateLimiter unlimited = new RateLimiter(0);
        assertThat(unlimited.acquire(1 << 30, 0)).isZero();
        RateLimiter limiter = new RateLimiter(1_000);
        assertThat(limiter.acquire(1_000, 0)).isZero();
        assertThat(limiter.acquire(500, 0)).isEqualTo(500_000_000L);
        assertThat(limiter.acquire(500, 2_000_000_000L)).isZero();
    }
}
