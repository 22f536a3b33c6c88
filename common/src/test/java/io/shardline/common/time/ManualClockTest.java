package io.shardline.common.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ManualClockTest {

    @Test
    void movesOnlyWhenAdvanced() {
        ManualClock clock = new ManualClock(1_000L);
        assertThat(clock.wallMillis()).isEqualTo(1_000L);
        assertThat(clock.wallNanos()).isEqualTo(1_000_000_000L);
        long mono = clock.monotonicNanos();
        clock.advance(Duration.ofMillis(250));
        assertThat(clock.wallMillis()).isEqualTo(1_250L);
        assertThat(clock.monotonicNanos() - mono).isEqualTo(250_000_000L);
    }

    @Test
    void wallClockStepDoesNotMoveMonotonicTime() {
        ManualClock clock = new ManualClock(5_000L);
        long mono = clock.monotonicNanos();
        clock.setWallMillis(1_000L);
        assertThat(clock.wallMillis()).isEqualTo(1_000L);
        assertThat(clock.monotonicNanos()).isEqualTo(mono);
    }

    @Test
    void refusesToGoBackwards() {
        assertThatThrownBy(() -> new ManualClock().advance(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void systemClockAgreesWithItself() {
        Clock c = Clock.system();
        long millis = c.wallMillis();
        assertThat(c.wallNanos() / 1_000_000L).isGreaterThanOrEqualTo(millis);
    }
}
