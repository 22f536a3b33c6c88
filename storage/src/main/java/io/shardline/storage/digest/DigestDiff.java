package io.shardline.storage.digest;

import io.shardline.model.SeriesKey;
import io.shardline.storage.SeriesRange;
import io.shardline.storage.internal.Utf8Order;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares digests top-down: equal roots end the walk, then only differing partitions are opened,
 * then only differing series, then their buckets; and at the second level, the row hashes of those
 * buckets down to the differing timestamps. Pure and stateless.
 */
public final class DigestDiff {

    private DigestDiff() {
    }

    /** The (series, bucket) ranges that differ between two digests made with the same bucket width and cut-off. */
    public static DiffResult diff(Digest local, Digest remote) {
        if (local.bucketNanos() != remote.bucketNanos() || local.versionCutoff() != remote.versionCutoff()) {
            throw new IllegalArgumentException("digests differ in bucket width or version cut-off: "
                    + local.bucketNanos() + "/" + local.versionCutoff() + " vs " + remote.bucketNanos() + "/"
                    + remote.versionCutoff());
        }
        boolean tombstones = !Arrays.equals(local.tombstones(), remote.tombstones());
        List<SeriesRange> out = new ArrayList<>();
        if (local.root() != remote.root() || tombstones) {
            for (int p = 0; p < Digest.PARTITIONS; p++) {
                if (local.partitionHash(p) != remote.partitionHash(p)) {
                    diffPartition(local.partition(p), remote.partition(p), local.bucketNanos(), out);
                }
            }
        }
        return new DiffResult(out, tombstones);
    }

    private static void diffPartition(List<SeriesDigest> a, List<SeriesDigest> b, long width, List<SeriesRange> out) {
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            int c = i >= a.size() ? 1 : j >= b.size() ? -1
                    : Utf8Order.SERIES.compare(a.get(i).series(), b.get(j).series());
            if (c < 0) {
                allBuckets(a.get(i++), width, out);
            } else if (c > 0) {
                allBuckets(b.get(j++), width, out);
            } else {
                if (a.get(i).hash() != b.get(j).hash()) {
                    diffBuckets(a.get(i), b.get(j), width, out);
                }
                i++;
                j++;
            }
        }
    }

    private static void allBuckets(SeriesDigest s, long width, List<SeriesRange> out) {
        for (int k = 0; k < s.bucketCount(); k++) {
            out.add(bucket(s.series(), s.bucketStart(k), width));
        }
    }

    private static void diffBuckets(SeriesDigest a, SeriesDigest b, long width, List<SeriesRange> out) {
        int i = 0;
        int j = 0;
        while (i < a.bucketCount() || j < b.bucketCount()) {
            long sa = i < a.bucketCount() ? a.bucketStart(i) : Long.MAX_VALUE;
            long sb = j < b.bucketCount() ? b.bucketStart(j) : Long.MAX_VALUE;
            if (i < a.bucketCount() && (j >= b.bucketCount() || sa < sb)) {
                out.add(bucket(a.series(), sa, width));
                i++;
            } else if (j < b.bucketCount() && (i >= a.bucketCount() || sb < sa)) {
                out.add(bucket(b.series(), sb, width));
                j++;
            } else {
                if (a.bucketHash(i) != b.bucketHash(j)) {
                    out.add(bucket(a.series(), sa, width));
                }
                i++;
                j++;
            }
        }
    }

    /** The inclusive range of the bucket starting at {@code start}. */
    public static SeriesRange bucket(SeriesKey series, long start, long width) {
        long end = start > Long.MAX_VALUE - width + 1 ? Long.MAX_VALUE : start + width - 1;
        return new SeriesRange(series, start, end);
    }

    /**
     * The time ranges whose slots differ between two row digests of the same ranges and resolution;
     * runs of adjacent differing slots (with no equal slot between them) are joined into one range,
     * which ends with its last slot (clipped to the requested range).
     */
    public static List<SeriesRange> diffRows(RowDigest local, RowDigest remote) {
        if (local.resolutionNanos() != remote.resolutionNanos() || local.versionCutoff() != remote.versionCutoff()) {
            throw new IllegalArgumentException("row digests differ in resolution or cut-off");
        }
        Map<SeriesRange, SeriesRows> theirs = new HashMap<>();
        for (SeriesRows r : remote.ranges()) {
            theirs.put(r.range(), r);
        }
        List<SeriesRange> out = new ArrayList<>();
        for (SeriesRows mine : local.ranges()) {
            SeriesRows other = theirs.remove(mine.range());
            diffRows(mine, other == null ? empty(mine.range()) : other, local.resolutionNanos(), out);
        }
        for (SeriesRows other : theirs.values()) {
            diffRows(empty(other.range()), other, local.resolutionNanos(), out);
        }
        return out;
    }

    private static SeriesRows empty(SeriesRange r) {
        return new SeriesRows(r, new long[0], new long[0]);
    }

    private static void diffRows(SeriesRows a, SeriesRows b, long resolution, List<SeriesRange> out) {
        SeriesKey series = a.range().series();
        long rangeMin = a.range().minTime();
        long rangeMax = a.range().maxTime();
        int i = 0;
        int j = 0;
        long runStart = 0;
        long runEnd = 0;
        boolean inRun = false;
        while (i < a.size() || j < b.size()) {
            long ta = i < a.size() ? a.timestamp(i) : Long.MAX_VALUE;
            long tb = j < b.size() ? b.timestamp(j) : Long.MAX_VALUE;
            boolean differs;
            long t;
            if (i < a.size() && (j >= b.size() || ta < tb)) {
                t = ta;
                differs = true;
                i++;
            } else if (j < b.size() && (i >= a.size() || tb < ta)) {
                t = tb;
                differs = true;
                j++;
            } else {
                t = ta;
                differs = a.hash(i++) != b.hash(j++);
            }
            if (differs) {
                runStart = inRun ? runStart : Math.max(t, rangeMin);
                runEnd = t > rangeMax - resolution + 1 ? rangeMax : Math.min(rangeMax, t + resolution - 1);
                inRun = true;
            } else if (inRun) {
                out.add(new SeriesRange(series, runStart, runEnd));
                inRun = false;
            }
        }
        if (inRun) {
            out.add(new SeriesRange(series, runStart, runEnd));
        }
    }
}
