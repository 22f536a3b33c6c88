package io.shardline.datanode.entropy;

import io.shardline.model.SeriesKey;
import io.shardline.storage.SeriesRange;
import io.shardline.storage.digest.DiffResult;
import io.shardline.storage.digest.Digest;
import io.shardline.storage.digest.RowDigest;
import io.shardline.storage.digest.SeriesDigest;
import io.shardline.storage.digest.SeriesRows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a digest comparison into what a push must carry, level by level, from the pushing node's
 * side: a bucket, slot or row present only here is sent whole; one present on both sides but
 * different is narrowed to the next level (rows are sent); one present only on the peer is skipped
 * (the peer will push it itself later in the chain). Consecutive entries of the same kind are joined
 * into one range. Pure and stateless.
 */
final class DiffNarrowing {

    /** Patch bytes per value with the benchmark schema (about 9.6; see docs/storage.md). */
    static final long PATCH_BYTES_PER_VALUE = 10;

    private DiffNarrowing() {
    }

    /**
     * The differing buckets split by where they are: {@code localOnly} (send), {@code both} (narrow),
     * keys of every differing bucket (for the two-observation rule), and the estimated number of
     * values the peer lacks.
     */
    record Buckets(List<SeriesRange> localOnly, List<SeriesRange> both, List<SeriesRange> remoteOnly, Set<Long> keys,
                   long estimatedValues) {
    }

    /**
     * What a row-digest level found: ranges to send, ranges to narrow at the next level, and ranges
     * where the peer holds entries this node lacks or (at row level) holds differently: {@code theirs},
     * the hint for the peer's push back.
     */
    record Rows(List<SeriesRange> send, List<SeriesRange> narrow, List<SeriesRange> theirs) {
    }

    static Buckets buckets(DiffResult diff, Digest local, Digest remote) {
        Set<SeriesKey> wanted = new HashSet<>();
        diff.buckets().forEach(r -> wanted.add(r.series()));
        Map<SeriesKey, SeriesDigest> mine = index(local, wanted);
        Map<SeriesKey, SeriesDigest> theirs = index(remote, wanted);
        List<SeriesRange> localOnly = new ArrayList<>();
        List<SeriesRange> both = new ArrayList<>();
        List<SeriesRange> remoteOnly = new ArrayList<>();
        Set<Long> keys = new HashSet<>();
        long lacking = 0;
        for (SeriesRange r : diff.buckets()) {
            keys.add(bucketKey(r));
            long mineCount = count(mine.get(r.series()), r.minTime());
            long theirCount = count(theirs.get(r.series()), r.minTime());
            if (mineCount < 0) {
                remoteOnly.add(r);
                continue;
            }
            // Values the peer lacks: the whole bucket, the surplus, or (same count, other content) at least one.
            lacking += theirCount < 0 ? mineCount : mineCount > theirCount ? mineCount - theirCount
                    : mineCount == theirCount ? 1 : 0;
            (theirCount < 0 ? localOnly : both).add(r);
        }
        return new Buckets(localOnly, both, remoteOnly, keys, lacking);
    }

    /** {@code ranges} with each run of adjacent ranges of one series (one ending where the next starts) joined. */
    static List<SeriesRange> joined(List<SeriesRange> ranges) {
        List<SeriesRange> out = new ArrayList<>(ranges.size());
        for (SeriesRange r : ranges) {
            int last = out.size() - 1;
            if (last >= 0 && out.get(last).series().equals(r.series()) && out.get(last).maxTime() != Long.MAX_VALUE
                    && out.get(last).maxTime() + 1 == r.minTime()) {
                out.set(last, new SeriesRange(r.series(), out.get(last).minTime(), r.maxTime()));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /** A key identifying one (series, bucket), stable across nodes. */
    static long bucketKey(SeriesRange r) {
        long h = r.series().fnv64a() * 0x9E3779B97F4A7C15L + r.minTime();
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }

    private static Map<SeriesKey, SeriesDigest> index(Digest d, Set<SeriesKey> wanted) {
        Set<Integer> partitions = new HashSet<>();
        wanted.forEach(s -> partitions.add(Digest.partitionOf(s)));
        Map<SeriesKey, SeriesDigest> out = new HashMap<>();
        for (int p : partitions) {
            for (SeriesDigest s : d.partition(p)) {
                if (wanted.contains(s.series())) {
                    out.put(s.series(), s);
                }
            }
        }
        return out;
    }

    /** Values in the bucket starting at {@code start}, or -1 if the series has no such bucket. */
    private static long count(SeriesDigest s, long start) {
        if (s == null) {
            return -1;
        }
        int lo = 0;
        int hi = s.bucketCount() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long m = s.bucketStart(mid);
            if (m < start) {
                lo = mid + 1;
            } else if (m > start) {
                hi = mid - 1;
            } else {
                return s.bucketValues(mid);
            }
        }
        return -1;
    }

    /**
     * Compares two row digests of the same ranges: local-only entries are sent; differing entries are
     * sent at row resolution and narrowed otherwise; peer-only and equal entries are left out.
     */
    static Rows rows(RowDigest local, RowDigest remote) {
        if (local.resolutionNanos() != remote.resolutionNanos()) {
            throw new IllegalArgumentException("row digests of different resolutions");
        }
        long res = local.resolutionNanos();
        Map<SeriesRange, SeriesRows> theirs = new HashMap<>();
        remote.ranges().forEach(r -> theirs.put(r.range(), r));
        Map<SeriesRange, SeriesRows> ours = new HashMap<>();
        local.ranges().forEach(r -> ours.put(r.range(), r));
        List<SeriesRange> send = new ArrayList<>();
        List<SeriesRange> narrow = new ArrayList<>();
        List<SeriesRange> back = new ArrayList<>();
        for (SeriesRows mine : local.ranges()) {
            classify(mine, theirs.get(mine.range()), res, true, send, narrow);
        }
        List<SeriesRange> ignored = new ArrayList<>();
        for (SeriesRows other : remote.ranges()) {
            classify(other, ours.get(other.range()), res, false, back, ignored);
        }
        return new Rows(send, narrow, back);
    }

    private static final int NONE = 0;
    private static final int SEND = 1;
    private static final int NARROW = 2;

    /**
     * Walks {@code mine}'s entries against {@code other}'s: entries only in {@code mine}, and
     * differing rows, go to {@code send}; differing slots go to {@code narrow} when {@code local}
     * (walked from the peer's side, {@code mine} is the peer's and differing slots are left to the
     * next level).
     */
    private static void classify(SeriesRows mine, SeriesRows other, long res, boolean local, List<SeriesRange> send,
                                 List<SeriesRange> narrow) {
        int j = 0;
        int otherSize = other == null ? 0 : other.size();
        int runKind = NONE;
        long runStart = 0;
        long runEnd = 0;
        for (int i = 0; i < mine.size(); i++) {
            long t = mine.timestamp(i);
            while (j < otherSize && other.timestamp(j) < t) {
                j++;
            }
            int kind;
            if (j < otherSize && other.timestamp(j) == t) {
                kind = other.hash(j) == mine.hash(i) ? NONE : res == 1 ? SEND : local ? NARROW : NONE;
            } else {
                kind = SEND;
            }
            long start = Math.max(t, mine.range().minTime());
            long end = t > mine.range().maxTime() - res + 1 ? mine.range().maxTime()
                    : Math.min(mine.range().maxTime(), t + res - 1);
            if (kind != runKind) {
                flush(mine.range().series(), runKind, runStart, runEnd, send, narrow);
                runKind = kind;
                runStart = start;
            }
            runEnd = end;
        }
        flush(mine.range().series(), runKind, runStart, runEnd, send, narrow);
    }

    private static void flush(SeriesKey series, int kind, long start, long end, List<SeriesRange> send,
                              List<SeriesRange> narrow) {
        if (kind == SEND) {
            send.add(new SeriesRange(series, start, end));
        } else if (kind == NARROW) {
            narrow.add(new SeriesRange(series, start, end));
        }
    }
}
