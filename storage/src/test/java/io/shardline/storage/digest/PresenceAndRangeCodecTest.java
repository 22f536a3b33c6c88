package io.shardline.storage.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ShardlineException;
import io.shardline.model.SeriesKey;
import io.shardline.storage.SeriesRange;
import io.shardline.storage.internal.ByteSink;
import io.shardline.storage.internal.ByteSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The compact range lists and presence sets of a repair's narrowing: exact round trips, sizes, corruption. */
class PresenceAndRangeCodecTest {

    private static final SeriesKey A = SeriesKey.of("cpu", Map.of("host", "host_0001", "region", "r1"));
    private static final SeriesKey B = SeriesKey.of("cpu", Map.of("host", "host_0002", "region", "r2"));
    private static final long T0 = 1_704_067_200_000_000_000L; // 2024-01-01
    private static final long TEN_S = 10_000_000_000L;
    private static final long HOUR = 3_600_000_000_000L;
    private static final long SEED = Long.getLong("shardline.seed", 20261206L);

    @Test
    void rangeListsRoundTripInOrderWhateverTheirShape() {
        List<SeriesRange> ranges = List.of(
                new SeriesRange(A, T0 + 3 * TEN_S, T0 + 3 * TEN_S),
                new SeriesRange(A, T0 + 17 * TEN_S, T0 + 19 * TEN_S),
                new SeriesRange(A, T0 - 5, T0 + HOUR), // unordered, odd units
                new SeriesRange(B, Long.MIN_VALUE, Long.MAX_VALUE), // the whole time line
                new SeriesRange(B, -7, -7),
                new SeriesRange(A, 0, 0)); // A again after B: a new group, order kept
        assertThat(RangeListCodec.decode(RangeListCodec.encode(ranges))).isEqualTo(ranges);
        assertThat(RangeListCodec.decode(RangeListCodec.encode(List.of()))).isEmpty();
        List<SeriesRange> extremes = List.of(new SeriesRange(A, Long.MAX_VALUE, Long.MAX_VALUE),
                new SeriesRange(A, Long.MIN_VALUE, Long.MIN_VALUE), new SeriesRange(A, Long.MAX_VALUE - 1, Long.MAX_VALUE));
        assertThat(RangeListCodec.decode(RangeListCodec.encode(extremes))).isEqualTo(extremes);
    }

    @Test
    void singleRowRangesOfARegularSeriesCostAFewBytesEach() {
        List<SeriesRange> rows = new ArrayList<>();
        List<SeriesRange> buckets = new ArrayList<>();
        Random rnd = new Random(SEED);
        long t = T0;
        for (int i = 0; i < 1000; i++) {
            t += (1 + rnd.nextInt(200)) * TEN_S;
            rows.add(new SeriesRange(A, t, t));
            buckets.add(new SeriesRange(A, T0 + i * HOUR, T0 + (i + 1) * HOUR - 1));
        }
        byte[] rowBytes = RangeListCodec.encode(rows);
        byte[] bucketBytes = RangeListCodec.encode(buckets);
        assertThat(RangeListCodec.decode(rowBytes)).isEqualTo(rows);
        assertThat(RangeListCodec.decode(bucketBytes)).isEqualTo(buckets);
        assertThat(rowBytes.length).as("one key, then about 2 bytes per row (seed %d)", SEED).isLessThan(3 * 1000 + 64);
        assertThat(bucketBytes.length).as("one key, then 2 bytes per bucket").isLessThan(2 * 1000 + 64);
    }

    @Test
    void corruptRangeListsAreRefused() {
        byte[] bytes = RangeListCodec.encode(List.of(new SeriesRange(A, 1, 2)));
        bytes[6] ^= 1;
        assertThatThrownBy(() -> RangeListCodec.decode(bytes)).isInstanceOf(ShardlineException.class)
                .hasMessageContaining("checksum");
        assertThatThrownBy(() -> RangeListCodec.decode(new byte[3])).isInstanceOf(ShardlineException.class);
    }

    @Test
    void regularTimestampsCostAFewBytesPlusAboutTwoPerHole() {
        SeriesRange bucket = new SeriesRange(A, T0, T0 + HOUR - 1);
        long[] full = grid(T0, TEN_S, 360);
        assertThat(roundTrip(full, bucket)).containsExactly(full);
        assertThat(PresenceCodec.timestampBytes(full, bucket)).as("count, offset, mode, 10 s grid, one run")
                .isLessThanOrEqualTo(12);
        long[] holes = without(full, 17, 18, 200, 359);
        assertThat(roundTrip(holes, bucket)).containsExactly(holes);
        assertThat(PresenceCodec.timestampBytes(holes, bucket)).as("plus a gap and a run per hole")
                .isLessThanOrEqualTo(12 + 2 * 3);
        long[] offGrid = Arrays.copyOf(full, 361);
        offGrid[360] = T0 + HOUR - 1; // one timestamp off the 10 s grid: the grid becomes 1 ns, still exact
        assertThat(roundTrip(offGrid, bucket)).containsExactly(offGrid);
    }

    @Test
    void anySetOfTimestampsRoundTrips() {
        Random rnd = new Random(SEED);
        SeriesRange everything = new SeriesRange(B, Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(roundTrip(new long[0], everything)).isEmpty();
        assertThat(roundTrip(new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE}, everything))
                .containsExactly(Long.MIN_VALUE, -1, 0, Long.MAX_VALUE);
        assertThat(roundTrip(new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, everything))
                .containsExactly(Long.MIN_VALUE, Long.MAX_VALUE);
        for (int round = 0; round < 200; round++) {
            TreeSet<Long> set = new TreeSet<>();
            long step = round % 3 == 0 ? 1 : round % 3 == 1 ? TEN_S : 1 + rnd.nextInt(1000);
            int n = rnd.nextInt(300);
            long base = rnd.nextLong() / 2;
            for (int i = 0; i < n; i++) {
                set.add(base + (round % 2 == 0 ? rnd.nextInt(500) * step : (rnd.nextLong() >>> 20)));
            }
            long[] ts = set.stream().mapToLong(Long::longValue).toArray();
            SeriesRange r = new SeriesRange(B, ts.length == 0 ? base : ts[0] - rnd.nextInt(5),
                    ts.length == 0 ? base : ts[ts.length - 1] + rnd.nextInt(5));
            assertThat(roundTrip(ts, r)).as("seed %d round %d", SEED, round).containsExactly(ts);
        }
    }

    @Test
    void requestsAndAnswersRoundTripAndRefuseMismatches() {
        SeriesRange r1 = new SeriesRange(A, T0, T0 + 2 * HOUR - 1);
        SeriesRange r2 = new SeriesRange(B, T0, T0 + HOUR - 1);
        long[] ts1 = without(grid(T0, TEN_S, 720), 5, 400);
        long[] ts2 = grid(T0 + 5, TEN_S, 3);
        PresenceCodec.Request req = new PresenceCodec.Request(List.of(r1, r2), List.of(ts1, ts2));
        PresenceCodec.Request back = PresenceCodec.decodeRequest(PresenceCodec.encodeRequest(req));
        assertThat(back.ranges()).containsExactly(r1, r2);
        assertThat(back.timestamps().get(0)).containsExactly(ts1);
        assertThat(back.timestamps().get(1)).containsExactly(ts2);

        PresenceCodec.Answer answer = new PresenceCodec.Answer(List.of(grid(T0, TEN_S, 720), new long[0]),
                List.of(new long[] {42, -1}, new long[0]));
        byte[] bytes = PresenceCodec.encodeAnswer(answer, req.ranges());
        PresenceCodec.Answer got = PresenceCodec.decodeAnswer(bytes, req.ranges());
        assertThat(got.timestamps().get(0)).containsExactly(grid(T0, TEN_S, 720));
        assertThat(got.sums().get(0)).containsExactly(42, -1);
        assertThat(got.timestamps().get(1)).isEmpty();
        assertThatThrownBy(() -> PresenceCodec.decodeAnswer(bytes, List.of(r1))).isInstanceOf(ShardlineException.class)
                .hasMessageContaining("range count");
        assertThatThrownBy(() -> PresenceCodec.decodeRequest(bytes)).isInstanceOf(ShardlineException.class);
        assertThatThrownBy(() -> new PresenceCodec.Request(List.of(r1), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PresenceCodec.encodeRequest(new PresenceCodec.Request(List.of(r2), List.of(ts1))))
                .as("timestamps outside their range").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timestampsPastTheirRangeAreRefusedWhenRead() {
        SeriesRange wide = new SeriesRange(A, T0, T0 + HOUR - 1);
        ByteSink out = new ByteSink(16);
        PresenceCodec.writeTimestamps(out, grid(T0, TEN_S, 360), wide);
        byte[] b = out.toByteArray();
        SeriesRange narrow = new SeriesRange(A, T0, T0 + 100 * TEN_S);
        assertThatThrownBy(() -> PresenceCodec.readTimestamps(new ByteSource(b), narrow))
                .isInstanceOf(ShardlineException.class).hasMessageContaining("after its range");
    }

    private static long[] roundTrip(long[] ts, SeriesRange range) {
        ByteSink out = new ByteSink(16);
        PresenceCodec.writeTimestamps(out, ts, range);
        ByteSource in = new ByteSource(out.toByteArray());
        long[] back = PresenceCodec.readTimestamps(in, range);
        assertThat(in.hasRemaining()).isFalse();
        return back;
    }

    static long[] grid(long start, long step, int n) {
        long[] ts = new long[n];
        for (int i = 0; i < n; i++) {
            ts[i] = start + i * step;
        }
        return ts;
    }

    static long[] without(long[] ts, int... drop) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < ts.length; i++) {
            final int k = i;
            if (Arrays.stream(drop).noneMatch(d -> d == k)) {
                out.add(ts[i]);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }
}
