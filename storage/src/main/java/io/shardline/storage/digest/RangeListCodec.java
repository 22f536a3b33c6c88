package io.shardline.storage.digest;

import io.shardline.model.SeriesKey;
import io.shardline.storage.SeriesRange;
import io.shardline.storage.internal.ByteSink;
import io.shardline.storage.internal.ByteSource;
import io.shardline.storage.internal.SeriesKeyCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact byte form of a list of {@link SeriesRange}s, as anti-entropy requests and repair hints
 * carry them: consecutive ranges of one series share one series key, and their starts and lengths
 * are written in units of their greatest common divisor, so the ranges of single rows of a series
 * sampled every 10 s cost two or three bytes each and whole hourly buckets one or two. The order of
 * the list is kept. Stateless.
 *
 * <pre>
 * "SLG1" | list | u32 crc32c
 * list  := varint groupCount | group * groupCount
 * group := seriesKey (SeriesKeyCodec) | varint n | zigzag min[0] | varlong startUnit | varlong lengthUnit
 *          | varlong (max[0] - min[0]) / lengthUnit
 *          | (zigzag (min[i] - min[i-1]) / startUnit | varlong (max[i] - min[i]) / lengthUnit) for i in 1..n-1
 * </pre>
 * A unit is 1 whenever a difference does not fit a signed 64-bit value (ranges spanning most of the
 * time line); the arithmetic then wraps exactly.
 */
public final class RangeListCodec {

    private static final int MAGIC = 0x534c4731; // "SLG1"

    private RangeListCodec() {
    }

    public static byte[] encode(List<SeriesRange> ranges) {
        ByteSink out = new ByteSink(64 + ranges.size() * 4);
        out.putIntBE(MAGIC);
        write(out, ranges);
        return DigestCodec.withCrc(out);
    }

    public static List<SeriesRange> decode(byte[] bytes) {
        ByteSource in = DigestCodec.checked(bytes, MAGIC, "range list");
        List<SeriesRange> out = read(in);
        if (in.hasRemaining()) {
            throw ByteSource.corrupted("range list: trailing bytes");
        }
        return out;
    }

    /** Writes {@code ranges} without magic or checksum (inside another format). */
    public static void write(ByteSink out, List<SeriesRange> ranges) {
        int groups = 0;
        for (int i = 0; i < ranges.size(); i++) {
            if (i == 0 || !ranges.get(i).series().equals(ranges.get(i - 1).series())) {
                groups++;
            }
        }
        out.putVarInt(groups);
        int from = 0;
        while (from < ranges.size()) {
            int to = from + 1;
            SeriesKey series = ranges.get(from).series();
            while (to < ranges.size() && ranges.get(to).series().equals(series)) {
                to++;
            }
            writeGroup(out, ranges.subList(from, to));
            from = to;
        }
    }

    /** Reads what {@link #write} wrote. */
    public static List<SeriesRange> read(ByteSource in) {
        int groups = in.getVarInt();
        List<SeriesRange> out = new ArrayList<>(Math.min(groups, 1 << 16));
        for (int g = 0; g < groups; g++) {
            SeriesKey series = SeriesKeyCodec.read(in);
            int n = in.getVarInt();
            if (n < 1 || n > in.remaining()) {
                throw ByteSource.corrupted("range list: bad range count " + n);
            }
            long min = in.getZigzag();
            long startUnit = in.getVarLong();
            long lengthUnit = in.getVarLong();
            if (startUnit < 1 || lengthUnit < 1) {
                throw ByteSource.corrupted("range list: bad unit");
            }
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    min += in.getZigzag() * startUnit;
                }
                long max = min + in.getVarLong() * lengthUnit;
                try {
                    out.add(new SeriesRange(series, min, max));
                } catch (IllegalArgumentException e) {
                    throw ByteSource.corrupted("range list: " + e.getMessage());
                }
            }
        }
        return out;
    }

    private static void writeGroup(ByteSink out, List<SeriesRange> group) {
        long startUnit = 0;
        long lengthUnit = 0;
        boolean exact = true;
        for (int i = 0; i < group.size(); i++) {
            SeriesRange r = group.get(i);
            long length = r.maxTime() - r.minTime();
            exact &= length >= 0;
            lengthUnit = gcd(lengthUnit, length);
            if (i > 0) {
                long delta = r.minTime() - group.get(i - 1).minTime();
                exact &= !overflows(r.minTime(), group.get(i - 1).minTime());
                startUnit = gcd(startUnit, delta);
            }
        }
        if (!exact || startUnit == 0) {
            startUnit = 1;
        }
        if (!exact || lengthUnit == 0) {
            lengthUnit = 1;
        }
        SeriesKeyCodec.write(out, group.get(0).series());
        out.putVarInt(group.size());
        out.putZigzag(group.get(0).minTime()).putVarLong(startUnit).putVarLong(lengthUnit);
        for (int i = 0; i < group.size(); i++) {
            SeriesRange r = group.get(i);
            if (i > 0) {
                out.putZigzag((r.minTime() - group.get(i - 1).minTime()) / startUnit);
            }
            out.putVarLong((r.maxTime() - r.minTime()) / lengthUnit);
        }
    }

    private static boolean overflows(long a, long b) {
        long d = a - b;
        return ((a ^ b) & (a ^ d)) < 0;
    }

    /** Greatest common divisor of the magnitudes (0 with 0 is 0); Long.MIN_VALUE counts as 1. */
    static long gcd(long a, long b) {
        if (a == Long.MIN_VALUE || b == Long.MIN_VALUE) {
            return 1;
        }
        a = Math.abs(a);
        b = Math.abs(b);
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
