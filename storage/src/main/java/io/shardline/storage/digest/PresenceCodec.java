package io.shardline.storage.digest;

import io.shardline.storage.SeriesRange;
import io.shardline.storage.internal.ByteSink;
import io.shardline.storage.internal.ByteSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The byte forms of the presence level of a repair's narrowing: which row timestamps one replica
 * holds in some ranges, and (in the answer) per time bucket the sum of the answering replica's row
 * hashes over the timestamps both replicas hold. A timestamp set is written on its own grid (the
 * greatest common divisor of its gaps) as alternating runs of present and absent grid positions,
 * so a regularly sampled series costs a few bytes per range plus about two bytes per missing or
 * extra row, whatever its length; irregular timestamps fall back to their gaps. Stateless.
 *
 * <pre>
 * request := "SLP1" | ranges (RangeListCodec list) | timestamps * rangeCount | u32 crc32c
 * answer  := "SLQ1" | varint rangeCount | (timestamps | varint k | u64 sum * k) * rangeCount | u32 crc32c
 * timestamps := varint n | [varlong first - range.min]                         (n >= 1)
 *               | [u8 mode | mode 0: varlong step | runs; mode 1: varlong gap * (n - 1)] (n >= 2)
 * runs := varlong present | (varlong absent | varlong present)*   (grid positions, until n are present)
 * </pre>
 * Times are relative to the range's start and differences are unsigned, so any range of the time
 * line encodes exactly.
 */
public final class PresenceCodec {

    private static final int REQUEST = 0x534c5031; // "SLP1"
    private static final int ANSWER = 0x534c5131; // "SLQ1"
    private static final int GRID = 0;
    private static final int GAPS = 1;
    /** Most timestamps one range may claim (a guard against corrupt counts; far above a shard's rows per range). */
    static final int MAX_TIMESTAMPS = 1 << 27;

    private PresenceCodec() {
    }

    /** What the asking replica sends: ranges and, per range, its row timestamps (ascending). */
    public record Request(List<SeriesRange> ranges, List<long[]> timestamps) {
        public Request {
            if (ranges.size() != timestamps.size()) {
                throw new IllegalArgumentException("one timestamp set per range");
            }
            ranges = List.copyOf(ranges);
            timestamps = List.copyOf(timestamps);
        }
    }

    /**
     * What the other replica answers, per range of the request: its row timestamps, and for each time
     * bucket holding timestamps of both replicas (ascending) the sum of its row hashes over them.
     */
    public record Answer(List<long[]> timestamps, List<long[]> sums) {
        public Answer {
            if (timestamps.size() != sums.size()) {
                throw new IllegalArgumentException("one sum list per range");
            }
            timestamps = List.copyOf(timestamps);
            sums = List.copyOf(sums);
        }
    }

    public static byte[] encodeRequest(Request r) {
        ByteSink out = new ByteSink(256);
        out.putIntBE(REQUEST);
        RangeListCodec.write(out, r.ranges());
        for (int i = 0; i < r.ranges().size(); i++) {
            writeTimestamps(out, r.timestamps().get(i), r.ranges().get(i));
        }
        return DigestCodec.withCrc(out);
    }

    public static Request decodeRequest(byte[] bytes) {
        ByteSource in = DigestCodec.checked(bytes, REQUEST, "presence request");
        List<SeriesRange> ranges = RangeListCodec.read(in);
        List<long[]> ts = new ArrayList<>(ranges.size());
        for (SeriesRange r : ranges) {
            ts.add(readTimestamps(in, r));
        }
        end(in);
        return new Request(ranges, ts);
    }

    /** Encodes an answer to a request of {@code ranges}. */
    public static byte[] encodeAnswer(Answer a, List<SeriesRange> ranges) {
        if (a.timestamps().size() != ranges.size()) {
            throw new IllegalArgumentException("one answer per range");
        }
        ByteSink out = new ByteSink(256);
        out.putIntBE(ANSWER).putVarInt(ranges.size());
        for (int i = 0; i < ranges.size(); i++) {
            writeTimestamps(out, a.timestamps().get(i), ranges.get(i));
            long[] sums = a.sums().get(i);
            out.putVarInt(sums.length);
            for (long s : sums) {
                out.putLongBE(s);
            }
        }
        return DigestCodec.withCrc(out);
    }

    /** Decodes an answer to a request of {@code ranges}. */
    public static Answer decodeAnswer(byte[] bytes, List<SeriesRange> ranges) {
        ByteSource in = DigestCodec.checked(bytes, ANSWER, "presence answer");
        if (in.getVarInt() != ranges.size()) {
            throw ByteSource.corrupted("presence answer: range count differs from the request");
        }
        List<long[]> ts = new ArrayList<>(ranges.size());
        List<long[]> sums = new ArrayList<>(ranges.size());
        for (SeriesRange r : ranges) {
            ts.add(readTimestamps(in, r));
            int k = in.getVarInt();
            if (k > in.remaining() / 8) {
                throw ByteSource.corrupted("presence answer: sum count");
            }
            long[] s = new long[k];
            for (int j = 0; j < k; j++) {
                s[j] = in.getLongBE();
            }
            sums.add(s);
        }
        end(in);
        return new Answer(ts, sums);
    }

    /** The encoded size of one timestamp set in {@code range} (what it adds to a request). */
    public static int timestampBytes(long[] ts, SeriesRange range) {
        ByteSink out = new ByteSink(16);
        writeTimestamps(out, ts, range);
        return out.length();
    }

    static void writeTimestamps(ByteSink out, long[] ts, SeriesRange range) {
        int n = ts.length;
        out.putVarInt(n);
        if (n == 0) {
            return;
        }
        if (ts[0] < range.minTime() || ts[n - 1] > range.maxTime()) {
            throw new IllegalArgumentException("timestamp outside its range");
        }
        out.putVarLong(ts[0] - range.minTime());
        if (n == 1) {
            return;
        }
        long step = 0;
        long gapBytes = 0;
        boolean gridFits = true;
        for (int i = 1; i < n; i++) {
            long gap = ts[i] - ts[i - 1];
            if (ts[i] <= ts[i - 1]) {
                throw new IllegalArgumentException("timestamps not ascending");
            }
            gridFits &= gap > 0;
            step = RangeListCodec.gcd(step, gap);
            gapBytes += varLongSize(gap);
        }
        gridFits &= ts[n - 1] - ts[0] > 0;
        int start = out.length();
        if (gridFits) {
            out.put(GRID).putVarLong(step);
            long prev = 0;
            long run = 1;
            for (int i = 1; i < n; i++) {
                long pos = (ts[i] - ts[0]) / step;
                if (pos == prev + 1) {
                    run++;
                } else {
                    out.putVarLong(run).putVarLong(pos - prev - 1);
                    run = 1;
                }
                prev = pos;
            }
            out.putVarLong(run);
            if (out.length() - start <= 1 + gapBytes) {
                return;
            }
            out.truncate(start);
        }
        out.put(GAPS);
        for (int i = 1; i < n; i++) {
            out.putVarLong(ts[i] - ts[i - 1]);
        }
    }

    static long[] readTimestamps(ByteSource in, SeriesRange range) {
        int n = in.getVarInt();
        if (n > MAX_TIMESTAMPS) {
            throw ByteSource.corrupted("presence: too many timestamps " + n);
        }
        long[] ts = new long[Math.min(n, 1 << 16)];
        if (n == 0) {
            return ts;
        }
        long first = range.minTime() + in.getVarLong();
        ts[0] = first;
        int count = 1;
        if (n > 1) {
            int mode = in.get();
            if (mode == GRID) {
                long step = in.getVarLong();
                if (step < 1) {
                    throw ByteSource.corrupted("presence: bad grid step");
                }
                long pos = 0; // grid position of the last timestamp placed
                long run = in.getVarLong(); // the first run starts with the first timestamp
                if (run < 1 || run > n) {
                    throw ByteSource.corrupted("presence: bad run");
                }
                for (long k = 1; k < run; k++) {
                    ts = put(ts, count++, at(first, ++pos, step, range));
                }
                while (count < n) {
                    long absent = in.getVarLong();
                    run = in.getVarLong();
                    if (absent < 1 || run < 1 || run > n - count) {
                        throw ByteSource.corrupted("presence: bad run");
                    }
                    try {
                        pos = Math.addExact(pos, absent);
                    } catch (ArithmeticException e) {
                        throw ByteSource.corrupted("presence: grid position overflows");
                    }
                    for (long k = 0; k < run; k++) {
                        ts = put(ts, count++, at(first, ++pos, step, range));
                    }
                }
            } else if (mode == GAPS) {
                long prev = first;
                for (int i = 1; i < n; i++) {
                    long next = prev + in.getVarLong();
                    if (next <= prev) {
                        throw ByteSource.corrupted("presence: timestamps not ascending");
                    }
                    ts = put(ts, count++, next);
                    prev = next;
                }
            } else {
                throw ByteSource.corrupted("presence: unknown mode " + mode);
            }
        }
        long[] out = count == ts.length ? ts : Arrays.copyOf(ts, count);
        if (out[0] < range.minTime() || out[count - 1] > range.maxTime() || out[0] > out[count - 1]) {
            throw ByteSource.corrupted("presence: timestamp outside its range");
        }
        return out;
    }

    private static long at(long first, long pos, long step, SeriesRange range) {
        if (pos <= 0) {
            throw ByteSource.corrupted("presence: grid position overflows");
        }
        try {
            long t = Math.addExact(first, Math.multiplyExact(pos, step));
            if (t > range.maxTime()) {
                throw ByteSource.corrupted("presence: timestamp after its range");
            }
            return t;
        } catch (ArithmeticException e) {
            throw ByteSource.corrupted("presence: timestamp overflows");
        }
    }

    private static long[] put(long[] a, int i, long v) {
        if (i >= a.length) {
            a = Arrays.copyOf(a, Math.max(16, a.length * 2));
        }
        a[i] = v;
        return a;
    }

    private static int varLongSize(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    private static void end(ByteSource in) {
        if (in.hasRemaining()) {
            throw ByteSource.corrupted("presence: trailing bytes");
        }
    }
}
