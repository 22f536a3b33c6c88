package io.shardline.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.time.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** The hybrid logical clock with a manual clock: steps back, counter overflow, remote versions. */
class HlcTest {

    private static final long T0 = 1_700_000_000_000L;

    @Test
    void versionsCarryPhysicalMillisAndCounter() {
        ManualClock clock = new ManualClock(T0);
        Hlc hlc = new Hlc(clock);
        long a = hlc.next();
        long b = hlc.next();
        assertThat(Hlc.physicalMillis(a)).isEqualTo(T0);
        assertThat(Hlc.logical(a)).isZero();
        assertThat(Hlc.logical(b)).isEqualTo(1);
        clock.advanceMillis(5);
        long c = hlc.next();
        assertThat(c).isEqualTo(Hlc.version(T0 + 5, 0)).isEqualTo(Hlc.minVersionAt(T0 + 5));
        assertThat(hlc.current()).isEqualTo(c);
    }

    @Test
    void staysMonotonicWhenTheWallClockStepsBack() {
        ManualClock clock = new ManualClock(T0);
        Hlc hlc = new Hlc(clock);
        long before = hlc.next();
        clock.setWallMillis(T0 - 60_000);
        long after = hlc.next();
        assertThat(after).isGreaterThan(before);
        assertThat(Hlc.physicalMillis(after)).isEqualTo(T0);
        clock.setWallMillis(T0 + 1);
        assertThat(hlc.next()).isEqualTo(Hlc.minVersionAt(T0 + 1));
    }

    @Test
    void counterOverflowBorrowsTheNextMillisecond() {
        Hlc hlc = new Hlc(new ManualClock(T0));
        long last = 0;
        for (int i = 0; i <= 65_536; i++) {
            long v = hlc.next();
            assertThat(v).isGreaterThan(last);
            last = v;
        }
        assertThat(Hlc.physicalMillis(last)).isEqualTo(T0 + 1);
        assertThat(Hlc.logical(last)).isZero();
    }

    @Test
    void observedRemoteVersionsAreOvertaken() {
        ManualClock clock = new ManualClock(T0);
        Hlc hlc = new Hlc(clock);
        long remote = Hlc.version(T0 + 10_000, 7);
        hlc.observe(remote);
        hlc.observe(Hlc.version(T0 - 5, 0)); // older: no effect
        long v = hlc.next();
        assertThat(v).isEqualTo(remote + 1);
        clock.advanceMillis(20_000);
        assertThat(hlc.next()).isEqualTo(Hlc.minVersionAt(T0 + 20_000));
    }

    @Test
    void staticHelpers() {
        long v = Hlc.version(123_456, 0xBEEF);
        assertThat(Hlc.physicalMillis(v)).isEqualTo(123_456);
        assertThat(Hlc.logical(v)).isEqualTo(0xBEEF);
        assertThat(Hlc.minVersionAt(123_456)).isLessThan(v).isGreaterThan(Hlc.version(123_455, 0xFFFF));
        assertThatThrownBy(() -> Hlc.version(1, 1 << 16)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentCallersGetDistinctIncreasingVersions() throws InterruptedException {
        Hlc hlc = new Hlc(new ManualClock(T0));
        ConcurrentLinkedQueue<Long> all = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                long prev = 0;
                for (int i = 0; i < 20_000; i++) {
                    long v = hlc.next();
                    if (v <= prev) {
                        throw new AssertionError("not increasing");
                    }
                    prev = v;
                    all.add(v);
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertThat(all).hasSize(80_000).doesNotHaveDuplicates();
    }
}
