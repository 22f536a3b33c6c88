package io.shardline.datanode.entropy;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.time.ManualClock;
import io.shardline.config.Config;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.config.data.StorageConfig;
import io.shardline.model.Point;
import io.shardline.storage.SeriesRange;
import io.shardline.storage.ShardStore;
import io.shardline.storage.digest.Digest;
import io.shardline.storage.digest.DigestDiff;
import io.shardline.storage.memory.InMemoryShardStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a push carries: local-only buckets whole, differing ones narrowed to rows, peer-only ones left out. */
class DiffNarrowingTest {

    private static final long T0 = 1_700_000_000_000_000_000L / 3_600_000_000_000L * 3_600_000_000_000L;
    private static final long SEC = 1_000_000_000L;

    private static ShardStore store() {
        return new InMemoryShardStore(new io.shardline.storage.ShardId("db", "rp", 1),
                StorageConfig.from(Config.defaults(DataNodeConfig.DEFINITION)), new ManualClock());
    }

    private static Point p(String host, long t, double v) {
        return Point.builder("cpu").tag("host", host).floatField("v", v).timestamp(t).build();
    }

    @Test
    void bucketsRowsAndEstimates() {
        ShardStore mine = store();
        ShardStore theirs = store();
        for (int i = 0; i < 100; i++) {
            mine.write(List.of(p("both", T0 + i * SEC, i)), 1);
            if (i != 42 && i != 43) {
                theirs.write(List.of(p("both", T0 + i * SEC, i)), 1);
            }
        }
        mine.write(List.of(p("mineOnly", T0, 1)), 1);
        theirs.write(List.of(p("theirsOnly", T0, 1)), 1);
        Digest a = mine.digest(Digest.NO_CUTOFF);
        Digest b = theirs.digest(Digest.NO_CUTOFF);
        DiffNarrowing.Buckets buckets = DiffNarrowing.buckets(DigestDiff.diff(a, b), a, b);
        assertThat(buckets.localOnly()).extracting(r -> r.series().tag("host")).containsExactly("mineOnly");
        assertThat(buckets.both()).extracting(r -> r.series().tag("host")).containsExactly("both");
        assertThat(buckets.keys()).hasSize(3);
        assertThat(buckets.estimatedValues()).as("2 missing rows + 1 local-only value").isEqualTo(3);

        long slot = a.bucketNanos() / 64;
        DiffNarrowing.Rows slots = DiffNarrowing.rows(mine.rowDigest(buckets.both(), Digest.NO_CUTOFF, slot),
                theirs.rowDigest(buckets.both(), Digest.NO_CUTOFF, slot));
        assertThat(slots.send()).isEmpty();
        assertThat(slots.narrow()).hasSize(1);
        DiffNarrowing.Rows rows = DiffNarrowing.rows(mine.rowDigest(slots.narrow(), Digest.NO_CUTOFF, 1),
                theirs.rowDigest(slots.narrow(), Digest.NO_CUTOFF, 1));
        assertThat(rows.narrow()).isEmpty();
        assertThat(rows.send()).as("two adjacent missing rows joined").extracting(SeriesRange::minTime,
                SeriesRange::maxTime).containsExactly(org.assertj.core.groups.Tuple.tuple(T0 + 42 * SEC, T0 + 43 * SEC));
    }

    @Test
    void rowsThePeerHasAndWeLackAreNotOurs() {
        ShardStore mine = store();
        ShardStore theirs = store();
        mine.write(List.of(p("a", T0, 1)), 1);
        theirs.write(List.of(p("a", T0, 1), p("a", T0 + SEC, 2)), 1);
        List<SeriesRange> range = List.of(new SeriesRange(mine.digest(Digest.NO_CUTOFF).series().get(0).series(), T0,
                T0 + 3_600 * SEC - 1));
        DiffNarrowing.Rows rows = DiffNarrowing.rows(mine.rowDigest(range, Digest.NO_CUTOFF, 1),
                theirs.rowDigest(range, Digest.NO_CUTOFF, 1));
        assertThat(rows.send()).isEmpty();
        assertThat(rows.narrow()).isEmpty();
    }

    @Test
    void aRowAtAnotherVersionIsSent() {
        ShardStore mine = store();
        ShardStore theirs = store();
        mine.write(List.of(p("a", T0, 1)), 2);
        theirs.write(List.of(p("a", T0, 1)), 1);
        List<SeriesRange> range = List.of(new SeriesRange(mine.digest(Digest.NO_CUTOFF).series().get(0).series(), T0,
                T0 + 3_600 * SEC - 1));
        assertThat(DiffNarrowing.rows(mine.rowDigest(range, Digest.NO_CUTOFF, 1), theirs.rowDigest(range,
                Digest.NO_CUTOFF, 1)).send()).hasSize(1);
    }
}
