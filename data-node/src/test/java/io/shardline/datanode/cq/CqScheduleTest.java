package io.shardline.datanode.cq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Interval computation with a manual clock, on the cases of 1.x's {@code continuous_querier} tests (time ranges for
 * every common interval, RESAMPLE EVERY/FOR, EVERY above the interval, GROUP BY offsets, tz() across both DST
 * changes) plus catching up after missed runs and not running twice.
 */
class CqScheduleTest {

    private static final long S = 1_000_000_000L;
    private static final long M = 60 * S;
    private static final long H = 60 * M;
    private static final long D = 24 * H;
    private static final ZoneId UTC = ZoneOffset.UTC;

    private static long t(String rfc3339) {
        OffsetDateTime odt = OffsetDateTime.parse(rfc3339);
        return odt.toEpochSecond() * S + odt.getNano();
    }

    private static long dur(String d) {
        long n = Long.parseLong(d.substring(0, d.length() - 1));
        return n * switch (d.charAt(d.length() - 1)) {
            case 's' -> S;
            case 'm' -> M;
            case 'h' -> H;
            case 'd' -> D;
            case 'w' -> 7 * D;
            default -> throw new IllegalArgumentException(d);
        };
    }

    @ParameterizedTest(name = "time({0})")
    @CsvSource({
        "10s, 2000-01-01T00:00:00Z, 2000-01-01T00:00:10Z",
        "1m, 2000-01-01T00:00:00Z, 2000-01-01T00:01:00Z",
        "10m, 2000-01-01T00:00:00Z, 2000-01-01T00:10:00Z",
        "30m, 2000-01-01T00:00:00Z, 2000-01-01T00:30:00Z",
        "1h, 2000-01-01T00:00:00Z, 2000-01-01T01:00:00Z",
        "2h, 2000-01-01T00:00:00Z, 2000-01-01T02:00:00Z",
        "12h, 2000-01-01T00:00:00Z, 2000-01-01T12:00:00Z",
        "1d, 2000-01-01T00:00:00Z, 2000-01-02T00:00:00Z",
        "1w, 1999-12-30T00:00:00Z, 2000-01-06T00:00:00Z"})
    void timeRangeOfTheIntervalJustCompleted(String d, String start, String end) {
        CqSchedule s = new CqSchedule(dur(d), 0, 0, 0, UTC);
        long now = t("2000-01-01T00:00:00Z");
        CqSchedule.Decision prime = s.decide(0, now + 1);
        assertThat(prime.due()).isTrue();
        assertThat(prime.run()).isFalse();
        CqSchedule.Decision next = s.decide(prime.lastRun(), now + dur(d));
        assertThat(next.run()).isTrue();
        assertThat(next.start()).isEqualTo(t(start));
        assertThat(next.end()).isEqualTo(t(end));
        // at the same instant again: not due, nothing runs twice
        assertThat(s.decide(next.lastRun(), now + dur(d)).due()).isFalse();
    }

    @Test
    void resampleEveryAndFor() {
        CqSchedule s = new CqSchedule(M, 0, 10 * S, 2 * M, UTC);
        long now = t("2026-12-06T23:10:00Z");
        CqSchedule.Decision first = s.decide(0, now);
        assertThat(first.run()).isTrue();
        assertThat(first.start()).isEqualTo(now - 2 * M);
        assertThat(first.end()).isEqualTo(now);
        assertThat(s.decide(first.lastRun(), now + 5 * S).due()).isFalse();
        CqSchedule.Decision second = s.decide(first.lastRun(), now + 10 * S);
        assertThat(second.start()).isEqualTo(now - M);
        assertThat(second.end()).isEqualTo(now + M);
        // a fresh start 5 s after the mark: the current interval is too young, one interval runs
        CqSchedule.Decision fresh = s.decide(0, now + 5 * S);
        assertThat(fresh.start()).isEqualTo(now - M);
        assertThat(fresh.end()).isEqualTo(now);
    }

    @Test
    void everyAboveTheIntervalDefaultsForToEvery() {
        CqSchedule s = new CqSchedule(30 * S, 0, M, 0, UTC);
        long now = t("2026-12-06T23:10:00Z");
        CqSchedule.Decision first = s.decide(0, now);
        assertThat(first.start()).isEqualTo(now - M);
        assertThat(first.end()).isEqualTo(now);
        assertThat(s.decide(first.lastRun(), now + 30 * S).due()).isFalse();
        CqSchedule.Decision second = s.decide(first.lastRun(), now + M);
        assertThat(second.start()).isEqualTo(now);
        assertThat(second.end()).isEqualTo(now + M);
    }

    @Test
    void groupByOffsetShiftsTheIntervals() {
        CqSchedule s = new CqSchedule(M, 30 * S, 0, 0, UTC);
        long now = t("2026-12-06T23:10:30Z");
        CqSchedule.Decision first = s.decide(0, now);
        assertThat(first.start()).isEqualTo(now - M);
        assertThat(first.end()).isEqualTo(now);
        assertThat(first.lastRun()).isEqualTo(now);
    }

    @Test
    void missedRunsAreCaughtUpInOneRangeStartingAfterTheLastRun() {
        CqSchedule s = new CqSchedule(M, 0, 0, 0, UTC);
        long lastRun = t("2026-12-06T23:10:00Z");
        // the lease holder died; the next one runs 3 min 20 s later
        CqSchedule.Decision d = s.decide(lastRun, lastRun + 3 * M + 20 * S);
        assertThat(d.run()).isTrue();
        assertThat(d.start()).isEqualTo(lastRun);
        assertThat(d.end()).isEqualTo(lastRun + 3 * M);
        assertThat(d.lastRun()).isEqualTo(lastRun + 3 * M);
        // between ticks nothing is due until the next minute
        assertThat(s.decide(d.lastRun(), lastRun + 3 * M + 59 * S).due()).isFalse();
        CqSchedule.Decision after = s.decide(d.lastRun(), lastRun + 4 * M);
        assertThat(after.start()).isEqualTo(lastRun + 3 * M);
        assertThat(after.end()).isEqualTo(lastRun + 4 * M);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "dst-start-1d, 1d, 2000-04-02T00:00:00-05:00, 2000-04-02T00:00:00-05:00, 2000-04-03T00:00:00-04:00,,",
        "dst-start-2h, 2h, 2000-04-02T00:00:00-05:00, 2000-04-02T00:00:00-05:00, 2000-04-02T03:00:00-04:00,"
                + " 2000-04-02T03:00:00-04:00, 2000-04-02T04:00:00-04:00",
        "dst-end-1d, 1d, 2000-10-29T00:00:00-04:00, 2000-10-29T00:00:00-04:00, 2000-10-30T00:00:00-05:00,,",
        "dst-end-2h, 2h, 2000-10-29T00:00:00-04:00, 2000-10-29T00:00:00-04:00, 2000-10-29T02:00:00-05:00,"
                + " 2000-10-29T02:00:00-05:00, 2000-10-29T04:00:00-05:00"})
    void timeZonesAcrossDaylightSavingChanges(String name, String d, String initial, String start1, String end1,
            String start2, String end2) {
        CqSchedule s = new CqSchedule(dur(d), 0, 0, 0, ZoneId.of("America/New_York"));
        CqSchedule.Decision prime = s.decide(0, t(initial) + 1);
        CqSchedule.Decision first = s.decide(prime.lastRun(), t(end1));
        assertThat(first.run()).isTrue();
        assertThat(first.start()).isEqualTo(t(start1));
        assertThat(first.end()).isEqualTo(t(end1));
        if (start2 != null) {
            CqSchedule.Decision second = s.decide(first.lastRun(), t(end2.trim()));
            assertThat(second.start()).isEqualTo(t(start2.trim()));
            assertThat(second.end()).isEqualTo(t(end2.trim()));
        }
    }
}
