package io.shardline.datanode.cq;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * When a continuous query runs and which time range it computes, exactly as 1.x's continuous querier
 * ({@code ExecuteContinuousQuery}, {@code shouldRunContinuousQuery}, {@code truncate}): the query is due when
 * {@code lastRun + EVERY} has passed (immediately when it never ran); the new last run is {@code now} truncated
 * to EVERY (plus the GROUP BY offset); the range starts at the interval holding {@code nextRun - FOR} and ends at
 * the last complete interval. Truncation is aligned in the query's {@code tz()} zone, with 1.x's corrections at
 * offset changes. Pure: times are Unix nanoseconds passed in.
 */
public record CqSchedule(long interval, long offset, long resampleEvery, long resampleFor, ZoneId zone) {

    /** What one tick decides. {@code lastRun} is to be recorded when {@code due}; the query runs when {@code run}. */
    public record Decision(boolean due, boolean run, long lastRun, long start, long end) {

        static Decision notDue(long lastRun) {
            return new Decision(false, false, lastRun, 0, 0);
        }
    }

    public CqSchedule {
        Objects.requireNonNull(zone, "zone");
        if (interval <= 0) {
            throw new IllegalArgumentException("a continuous query needs a GROUP BY time interval");
        }
    }

    /**
     * @param lastRun the last recorded run, {@code 0} if it never ran
     * @param now the current time
     */
    public Decision decide(long lastRun, long now) {
        long every = resampleEvery != 0 ? resampleEvery : interval;
        long nextRun;
        if (lastRun != 0) {
            nextRun = lastRun + every;
            long diff = zoneOffset(lastRun - 1) - zoneOffset(nextRun - 1);
            if (diff != 0 && Math.abs(diff) < every) {
                nextRun += diff;
            }
            if (nextRun > now) {
                return Decision.notDue(lastRun);
            }
        } else {
            nextRun = now;
        }
        long newLastRun = truncate(now - offset, every) + offset;
        long forDuration = resampleFor != 0 ? resampleFor : Math.max(interval, every);
        long step = Math.min(every, interval);
        long start = truncate(nextRun + interval - forDuration - offset - 1, interval) + offset;
        long end = truncate(now + interval - step - offset, interval) + offset;
        return new Decision(true, end > start, newLastRun, start, end);
    }

    /** 1.x's {@code truncate}: floor to a multiple of {@code d} in local time, kept when the offset changes. */
    long truncate(long t, long d) {
        long zoneOff = zoneOffset(t);
        long dt = Math.floorMod(t + zoneOff, d);
        long out = t - dt;
        long adjusted = zoneOffset(out);
        if (adjusted != zoneOff) {
            long diff = zoneOff - adjusted;
            if (Math.abs(diff) < d) {
                out += diff;
            }
        }
        return out;
    }

    private long zoneOffset(long t) {
        if (zone.equals(ZoneOffset.UTC)) {
            return 0;
        }
        Instant i = Instant.ofEpochSecond(Math.floorDiv(t, 1_000_000_000L), Math.floorMod(t, 1_000_000_000L));
        return zone.getRules().getOffset(i).getTotalSeconds() * 1_000_000_000L;
    }
}
