package io.shardline.datanode.entropy;

import io.shardline.storage.SeriesRange;
import io.shardline.storage.digest.PresenceCodec;
import io.shardline.storage.digest.RowDigest;
import io.shardline.storage.digest.SeriesRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The presence level of a repair's narrowing, between the bucket digests and the slot and row
 * digests: the pushing node sends the row timestamps it holds in the differing buckets; the peer
 * answers with its own and, per bucket, the sum of its row hashes over the timestamps both hold. The
 * pushing node then knows without a row hash on the wire which rows only it holds (sent), which only
 * the peer holds (the hint for the peer's push back), and in which buckets the rows both hold differ
 * (narrowed further by slot and row digests). A regularly sampled series costs a few bytes per
 * range plus two or so per missing row, where row digests cost nine bytes per row. Pure and
 * stateless.
 */
final class PresenceLevel {

    /**
     * A range whose timestamps would cost more than this many bytes per row plus {@link #SMALL_BYTES}
     * (irregular timestamps) skips this level and goes to slot digests.
     */
    static final int MAX_BYTES_PER_ROW = 2;
    static final int SMALL_BYTES = 16;

    private PresenceLevel() {
    }

    /** A request and the ranges that were not worth one (narrowed by slots instead). */
    record Ask(PresenceCodec.Request request, List<SeriesRows> mine, List<SeriesRange> slots) {
    }

    /** Splits this node's rows of some ranges into a presence request and the ranges left to slot digests. */
    static Ask ask(RowDigest rows) {
        if (rows.resolutionNanos() != 1) {
            throw new IllegalArgumentException("presence needs rows (resolution 1)");
        }
        List<SeriesRange> ranges = new ArrayList<>();
        List<long[]> stamps = new ArrayList<>();
        List<SeriesRows> mine = new ArrayList<>();
        List<SeriesRange> slots = new ArrayList<>();
        for (SeriesRows r : rows.ranges()) {
            long[] ts = timestamps(r);
            if (PresenceCodec.timestampBytes(ts, r.range()) <= SMALL_BYTES + (long) MAX_BYTES_PER_ROW * ts.length) {
                ranges.add(r.range());
                stamps.add(ts);
                mine.add(r);
            } else {
                slots.add(r.range());
            }
        }
        return new Ask(new PresenceCodec.Request(ranges, stamps), mine, slots);
    }

    /** The peer's answer to {@code request} from its rows of the same ranges (resolution 1). */
    static PresenceCodec.Answer answer(PresenceCodec.Request request, RowDigest rows, long bucketNanos) {
        if (rows.resolutionNanos() != 1 || rows.ranges().size() != request.ranges().size()) {
            throw new IllegalArgumentException("presence answer needs the rows of every requested range");
        }
        List<long[]> stamps = new ArrayList<>(rows.ranges().size());
        List<long[]> sums = new ArrayList<>(rows.ranges().size());
        for (int i = 0; i < rows.ranges().size(); i++) {
            SeriesRows own = rows.ranges().get(i);
            stamps.add(timestamps(own));
            sums.add(common(own, request.timestamps().get(i), bucketNanos).sums());
        }
        return new PresenceCodec.Answer(stamps, sums);
    }

    /**
     * Compares this node's rows with the peer's answer: rows only here are sent, rows only there are
     * the peer's ({@code theirs}), and buckets whose common rows differ are narrowed further (their
     * rows are then neither sent nor hinted from this level). Consecutive rows of one kind form one
     * range.
     */
    static DiffNarrowing.Rows compare(List<SeriesRows> mine, PresenceCodec.Answer answer, long bucketNanos) {
        if (mine.size() != answer.timestamps().size()) {
            throw new IllegalArgumentException("one answer per range");
        }
        List<SeriesRange> send = new ArrayList<>();
        List<SeriesRange> narrow = new ArrayList<>();
        List<SeriesRange> theirs = new ArrayList<>();
        for (int i = 0; i < mine.size(); i++) {
            SeriesRows own = mine.get(i);
            long[] other = answer.timestamps().get(i);
            Common common = common(own, other, bucketNanos);
            long[] otherSums = answer.sums().get(i);
            if (common.sums().length != otherSums.length) {
                throw new IllegalStateException("presence answer for " + own.range() + " has " + otherSums.length
                        + " bucket sums where " + common.sums().length + " buckets hold common rows");
            }
            long[] dirty = new long[common.buckets().length];
            int d = 0;
            for (int k = 0; k < otherSums.length; k++) {
                if (common.sums()[k] != otherSums[k]) {
                    long b = common.buckets()[k];
                    dirty[d++] = b;
                    long start = bucketStart(b, bucketNanos);
                    long end = bucketStart(b + 1, bucketNanos) - 1;
                    narrow.add(new SeriesRange(own.range().series(), Math.max(start, own.range().minTime()),
                            end < start ? own.range().maxTime() : Math.min(end, own.range().maxTime())));
                }
            }
            dirty = Arrays.copyOf(dirty, d);
            long[] ownTs = timestamps(own);
            runs(own.range(), ownTs, other, dirty, bucketNanos, send);
            runs(own.range(), other, ownTs, dirty, bucketNanos, theirs);
        }
        return new DiffNarrowing.Rows(send, narrow, theirs);
    }

    /**
     * The buckets (indices of epoch-aligned buckets of {@code bucketNanos}) holding timestamps of both
     * sides, ascending, and per bucket the sum of {@code own}'s row hashes over them.
     */
    private record Common(long[] buckets, long[] sums) {
    }

    private static Common common(SeriesRows own, long[] other, long bucketNanos) {
        long[] buckets = new long[8];
        long[] sums = new long[8];
        int k = -1;
        int j = 0;
        for (int i = 0; i < own.size(); i++) {
            long t = own.timestamp(i);
            while (j < other.length && other[j] < t) {
                j++;
            }
            if (j < other.length && other[j] == t) {
                long b = Math.floorDiv(t, bucketNanos);
                if (k < 0 || b != buckets[k]) {
                    if (++k == buckets.length) {
                        buckets = Arrays.copyOf(buckets, k * 2);
                        sums = Arrays.copyOf(sums, k * 2);
                    }
                    buckets[k] = b;
                }
                sums[k] += own.hash(i);
            }
        }
        return new Common(Arrays.copyOf(buckets, k + 1), Arrays.copyOf(sums, k + 1));
    }

    /** The first time of bucket {@code index}, or Long.MIN_VALUE if it starts before the time line. */
    private static long bucketStart(long index, long bucketNanos) {
        try {
            return Math.multiplyExact(index, bucketNanos);
        } catch (ArithmeticException e) {
            return Long.MIN_VALUE;
        }
    }

    /**
     * Ranges of consecutive timestamps of {@code side} that {@code counter} lacks, outside the
     * {@code dirty} buckets (indices).
     */
    private static void runs(SeriesRange range, long[] side, long[] counter, long[] dirty, long bucketNanos,
                             List<SeriesRange> out) {
        int j = 0;
        int start = -1;
        for (int i = 0; i <= side.length; i++) {
            boolean only = false;
            if (i < side.length) {
                long t = side[i];
                while (j < counter.length && counter[j] < t) {
                    j++;
                }
                only = (j >= counter.length || counter[j] != t)
                        && Arrays.binarySearch(dirty, Math.floorDiv(t, bucketNanos)) < 0;
            }
            if (only && start < 0) {
                start = i;
            } else if (!only && start >= 0) {
                out.add(new SeriesRange(range.series(), side[start], side[i - 1]));
                start = -1;
            }
        }
    }

    private static long[] timestamps(SeriesRows r) {
        long[] ts = new long[r.size()];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = r.timestamp(i);
        }
        return ts;
    }
}
