package io.shardline.datanode.entropy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.shardline.common.time.ManualClock;
import io.shardline.config.Config;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.config.data.StorageConfig;
import io.shardline.model.Point;
import io.shardline.model.SeriesKey;
import io.shardline.storage.SeriesRange;
import io.shardline.storage.ShardStore;
import io.shardline.storage.digest.Digest;
import io.shardline.storage.digest.PresenceCodec;
import io.shardline.storage.memory.InMemoryShardStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The presence level of a repair: rows only one side holds are found from timestamps alone, buckets
 * whose common rows differ are left to slot and row digests, irregular series skip the level.
 */
class PresenceLevelTest {

    private static final long HOUR = 3_600_000_000_000L;
    private static final long T0 = 1_700_000_000_000_000_000L / HOUR * HOUR;
    private static final long TEN_S = 10_000_000_000L;
    private static final SeriesKey CPU = SeriesKey.of("cpu", Map.of("host", "a"));

    private static ShardStore store() {
        return new InMemoryShardStore(new io.shardline.storage.ShardId("db", "rp", 1),
                StorageConfig.from(Config.defaults(DataNodeConfig.DEFINITION)), new ManualClock());
    }

    private static Point p(long t, double v) {
        return Point.builder("cpu").tag("host", "a").floatField("v", v).integerField("n", (long) v).timestamp(t).build();
    }

    /** Two hourly buckets of a 10 s series, minus {@code skip} rows, with row {@code changed} of another value. */
    private static ShardStore series(List<Integer> skip, int changed) {
        ShardStore s = store();
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < 720; i++) {
            if (!skip.contains(i)) {
                points.add(p(T0 + i * TEN_S, i == changed ? -1 : i));
            }
        }
        s.write(points, 1);
        return s;
    }

    private static final List<SeriesRange> BUCKETS = List.of(new SeriesRange(CPU, T0, T0 + HOUR - 1),
            new SeriesRange(CPU, T0 + HOUR, T0 + 2 * HOUR - 1));

    /** One presence exchange from {@code mine}'s side, through the wire forms. */
    private static DiffNarrowing.Rows exchange(ShardStore mine, ShardStore theirs, List<SeriesRange> buckets,
                                               long[] wireBytes) {
        PresenceLevel.Ask ask = PresenceLevel.ask(mine.rowDigest(DiffNarrowing.joined(buckets), Digest.NO_CUTOFF, 1));
        byte[] request = PresenceCodec.encodeRequest(ask.request());
        PresenceCodec.Request got = PresenceCodec.decodeRequest(request);
        byte[] answer = PresenceCodec.encodeAnswer(PresenceLevel.answer(got, theirs.rowDigest(got.ranges(),
                Digest.NO_CUTOFF, 1), HOUR), got.ranges());
        wireBytes[0] = request.length + answer.length;
        return PresenceLevel.compare(ask.mine(), PresenceCodec.decodeAnswer(answer, ask.request().ranges()), HOUR);
    }

    @Test
    void rowsOnlyOneSideHoldsAreFoundFromTimestampsAlone() {
        ShardStore mine = series(List.of(17, 18, 400), -1);
        ShardStore theirs = series(List.of(5, 600), -1);
        long[] bytes = new long[1];
        DiffNarrowing.Rows rows = exchange(mine, theirs, BUCKETS, bytes);
        assertThat(rows.narrow()).as("the common rows are equal").isEmpty();
        assertThat(rows.send()).extracting(SeriesRange::minTime, SeriesRange::maxTime)
                .containsExactly(tuple(T0 + 5 * TEN_S, T0 + 5 * TEN_S), tuple(T0 + 600 * TEN_S, T0 + 600 * TEN_S));
        assertThat(rows.theirs()).extracting(SeriesRange::minTime, SeriesRange::maxTime)
                .as("two adjacent rows joined").containsExactly(tuple(T0 + 17 * TEN_S, T0 + 18 * TEN_S),
                        tuple(T0 + 400 * TEN_S, T0 + 400 * TEN_S));
        assertThat(bytes[0]).as("1,440 rows compared with %d bytes on the wire (row digests: 9 per row and side)",
                bytes[0]).isLessThan(150);
        repairAndCompare(mine, theirs, rows);
    }

    @Test
    void aBucketWhoseCommonRowsDifferIsNarrowedFurtherAndNothingElseOfItIsSent() {
        ShardStore mine = series(List.of(3, 500), -1);
        ShardStore theirs = series(List.of(100), 200); // row 200 (first bucket) holds another value there
        DiffNarrowing.Rows rows = exchange(mine, theirs, BUCKETS, new long[1]);
        assertThat(rows.narrow()).containsExactly(BUCKETS.get(0));
        assertThat(rows.send()).as("row 100 lies in the narrowed bucket").isEmpty();
        assertThat(rows.theirs()).extracting(SeriesRange::minTime).containsExactly(T0 + 500 * TEN_S);
        repairAndCompare(mine, theirs, rows);
    }

    @Test
    void irregularTimestampsSkipTheLevel() {
        ShardStore irregular = store();
        List<Point> points = new ArrayList<>();
        long t = T0;
        java.util.Random rnd = new java.util.Random(Long.getLong("shardline.seed", 20261206L));
        for (int i = 0; i < 300; i++) {
            t += 1 + rnd.nextInt(1_000_000_000);
            points.add(p(t, i));
        }
        irregular.write(points, 1);
        PresenceLevel.Ask ask = PresenceLevel.ask(irregular.rowDigest(BUCKETS.subList(0, 1), Digest.NO_CUTOFF, 1));
        assertThat(ask.request().ranges()).isEmpty();
        assertThat(ask.slots()).containsExactly(BUCKETS.get(0));
        PresenceLevel.Ask regular = PresenceLevel.ask(series(List.of(), -1).rowDigest(BUCKETS, Digest.NO_CUTOFF, 1));
        assertThat(regular.slots()).isEmpty();
        assertThat(regular.request().ranges()).hasSize(2);
    }

    @Test
    void anAnswerWithTheWrongNumberOfSumsIsRefused() {
        ShardStore mine = series(List.of(), -1);
        PresenceLevel.Ask ask = PresenceLevel.ask(mine.rowDigest(BUCKETS.subList(0, 1), Digest.NO_CUTOFF, 1));
        PresenceCodec.Answer lying = new PresenceCodec.Answer(List.of(ask.request().timestamps().get(0)),
                List.of(new long[] {1, 2}));
        assertThatThrownBy(() -> PresenceLevel.compare(ask.mine(), lying, HOUR)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2 bucket sums where 1 buckets hold common rows");
    }

    @Test
    void adjacentBucketsOfASeriesAreJoinedOthersKept() {
        SeriesKey other = SeriesKey.of("cpu", Map.of("host", "b"));
        List<SeriesRange> joined = DiffNarrowing.joined(List.of(BUCKETS.get(0), BUCKETS.get(1),
                new SeriesRange(CPU, T0 + 3 * HOUR, T0 + 4 * HOUR - 1), new SeriesRange(other, T0 + 4 * HOUR,
                        T0 + 5 * HOUR - 1), new SeriesRange(other, Long.MAX_VALUE, Long.MAX_VALUE)));
        assertThat(joined).containsExactly(new SeriesRange(CPU, T0, T0 + 2 * HOUR - 1),
                new SeriesRange(CPU, T0 + 3 * HOUR, T0 + 4 * HOUR - 1),
                new SeriesRange(other, T0 + 4 * HOUR, T0 + 5 * HOUR - 1),
                new SeriesRange(other, Long.MAX_VALUE, Long.MAX_VALUE));
    }

    /**
     * Applies what the level found (narrowed buckets exchanged whole, as the deeper levels would
     * settle them) and checks both replicas end equal (a value written twice at one version is settled
     * the same way on both by the merge's tie-break).
     */
    private static void repairAndCompare(ShardStore mine, ShardStore theirs, DiffNarrowing.Rows rows) {
        List<SeriesRange> mineSends = new ArrayList<>(rows.send());
        mineSends.addAll(rows.narrow());
        List<SeriesRange> theirsSends = new ArrayList<>(rows.theirs());
        theirsSends.addAll(rows.narrow());
        var toTheirs = mine.exportPatch(mineSends, false);
        var toMine = theirs.exportPatch(theirsSends, false);
        theirs.applyPatch(toTheirs);
        mine.applyPatch(toMine);
        assertThat(mine.digest(Digest.NO_CUTOFF).root()).isEqualTo(theirs.digest(Digest.NO_CUTOFF).root());
    }
}
