package io.shardline.storage;

import static io.shardline.storage.TestPoints.HOUR;
import static io.shardline.storage.TestPoints.T0;
import static io.shardline.storage.TestPoints.cpu;
import static io.shardline.storage.TestPoints.cpuBatch;
import static io.shardline.storage.TestPoints.load;
import static io.shardline.storage.TestPoints.loadRuns;
import static io.shardline.storage.TestPoints.point;
import static io.shardline.storage.TestPoints.series;
import static io.shardline.storage.TestPoints.v;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.time.ManualClock;
import io.shardline.model.FieldType;
import io.shardline.model.Hlc;
import io.shardline.model.Point;
import io.shardline.model.SeriesKey;
import io.shardline.storage.digest.Digest;
import io.shardline.storage.digest.DigestCodec;
import io.shardline.storage.digest.DigestDiff;
import io.shardline.storage.digest.DiffResult;
import io.shardline.storage.digest.RowDigestCodec;
import io.shardline.storage.patch.Patch;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ShardStore} shares, run against the RocksDB and the in-memory store.
 * Subclasses supply an engine.
 */
abstract class ShardStoreContractTest {

    protected final ManualClock clock = new ManualClock();
    protected ShardEngine engine;
    protected ShardStore store;
    private final List<ShardEngine> engines = new ArrayList<>();

    /** A started engine with {@code config}'s limits (the directories are the subclass's business). */
    protected abstract ShardEngine newEngine(Map<String, Object> overrides);

    protected final ShardEngine engine(Map<String, Object> overrides) {
        ShardEngine e = newEngine(overrides);
        engines.add(e);
        return e;
    }

    @BeforeEach
    void setUp() {
        engine = engine(Map.of());
        store = engine.open(new ShardId("db", "rp", 1));
    }

    @AfterEach
    void tearDown() {
        engines.forEach(ShardEngine::close);
    }

    protected ShardStore other(int id) {
        return engine.open(new ShardId("db", "rp", id));
    }

    // ---------------------------------------------------------------- writes and field types

    @Test
    void writtenPointsAreScannedBack() {
        WriteResult r = store.write(List.of(cpu("a", 1.5, T0), cpu("a", 2.5, T0 + 10), cpu("b", 3.5, T0)), v(1));
        assertThat(outcome(r)).isEqualTo(new WriteResult(3, 0, null));
        assertThat(rows(store, "cpu", "value")).containsExactly(
                "cpu,host=a " + T0 + " [float:1.5]", "cpu,host=a " + (T0 + 10) + " [float:2.5]",
                "cpu,host=b " + T0 + " [float:3.5]");
    }

    @Test
    void writeResultsCountCreatedSeriesAndFieldsAs1xAndTheBytesWritten() {
        // 1.6.7 counts a field new to the shard once per point of the batch that brings it: 3 + 1 here
        WriteResult first = store.write(List.of(cpu("a", 1, T0), cpu("a", 2, T0 + 1), cpu("b", 3, T0),
                Point.builder("mem").integerField("used", 5).timestamp(T0).build()), v(1));
        assertThat(first.seriesCreated()).isEqualTo(3);
        assertThat(first.fieldsCreated()).isEqualTo(4);
        assertThat(first.bytesWritten()).isPositive();
        Point twoFields = Point.builder("cpu").tag("host", "c").floatField("value", 4).stringField("note", "ok")
                .timestamp(T0).build();
        WriteResult next = store.write(List.of(cpu("a", 5, T0 + 2), twoFields), v(2));
        assertThat(next.seriesCreated()).isEqualTo(1);
        assertThat(next.fieldsCreated()).isEqualTo(1);
        WriteResult again = store.write(List.of(cpu("a", 6, T0 + 3)), v(3));
        assertThat(again.seriesCreated()).isZero();
        assertThat(again.fieldsCreated()).isZero();
        assertThat(again.bytesWritten()).isPositive();
        // a dropped point creates nothing; a series deleted and written again is created again
        Point conflicting = Point.builder("cpu").tag("host", "d").integerField("value", 7).timestamp(T0).build();
        WriteResult dropped = store.write(List.of(conflicting), v(4));
        assertThat(List.of(dropped.seriesCreated(), dropped.fieldsCreated(), (int) dropped.bytesWritten()))
                .containsExactly(0, 0, 0);
        store.delete(Tombstone.dropSeries("cpu", TagPredicate.eq("host", "b"), v(5)));
        assertThat(store.write(List.of(cpu("b", 1, T0 + 10)), v(6)).seriesCreated()).isEqualTo(1);
    }

    @Test
    void typeConflictDropsThatPointOnlyWithThe1xMessage() {
        store.write(List.of(cpu("a", 1, T0)), v(1));
        Point conflicting = Point.builder("cpu").tag("host", "a").integerField("value", 7).timestamp(T0 + 1).build();
        WriteResult r = store.write(List.of(conflicting, cpu("a", 2, T0 + 2)), v(2));
        String reason = "field type conflict: input field \"value\" on measurement \"cpu\" is type integer, already"
                + " exists as type float";
        assertThat(outcome(r)).isEqualTo(new WriteResult(1, 1, reason));
        assertThat(r.partialWriteMessage()).isEqualTo("partial write: " + reason + " dropped=1");
        assertThat(rows(store, "cpu", "value")).hasSize(2);
        assertThat(store.fieldTypes("cpu")).isEqualTo(Map.of("value", FieldType.FLOAT));
    }

    @Test
    void conflictWithinOneBatchOnANewFieldDropsTheLaterPoint() {
        Point asInt = Point.builder("m").integerField("f", 1).timestamp(T0).build();
        Point asString = Point.builder("m").stringField("f", "x").timestamp(T0 + 1).build();
        WriteResult r = store.write(List.of(asInt, asString), v(1));
        assertThat(r.dropped()).isEqualTo(1);
        assertThat(r.firstReason()).isEqualTo("field type conflict: input field \"f\" on measurement \"m\" is type"
                + " string, already exists as type integer");
        assertThat(store.fieldTypes("m")).containsEntry("f", FieldType.INTEGER);
    }

    @Test
    void timeTagAndFieldRulesOf1x() {
        Point timeTag = Point.builder("m").tag("time", "x").floatField("f", 1).timestamp(T0).build();
        Point onlyTime = Point.builder("m").floatField("time", 1).timestamp(T0).build();
        Point withTime = Point.builder("m").floatField("time", 1).floatField("f", 2).timestamp(T0).build();
        WriteResult r = store.write(List.of(timeTag, onlyTime, withTime), v(1));
        assertThat(r.stored()).isEqualTo(1);
        assertThat(r.dropped()).isEqualTo(2);
        assertThat(r.firstReason()).isEqualTo("invalid tag key: input tag \"time\" on measurement \"m\" is invalid");
        assertThat(store.fieldTypes("m")).containsOnlyKeys("f");
        WriteResult only = store.write(List.of(onlyTime), v(2));
        assertThat(only.partialWriteMessage()).isEqualTo(
                "partial write: invalid field name: input field \"time\" on measurement \"m\" is invalid dropped=1");
    }

    @Test
    void seriesAndTagValueLimitsDropNewSeriesOnly() {
        ShardStore limited = engine(Map.of("max-series-per-database", 2L))
                .open(new ShardId("db", "rp", 9));
        limited.write(List.of(cpu("a", 1, T0), cpu("b", 1, T0)), v(1));
        WriteResult r = limited.write(List.of(cpu("c", 1, T0), cpu("a", 2, T0 + 1)), v(2));
        assertThat(outcome(r)).isEqualTo(new WriteResult(1, 1, "max-series-per-database limit exceeded: (2)"));
        ShardStore tags = engine(Map.of("max-values-per-tag", 2L)).open(new ShardId("db", "rp", 10));
        tags.write(List.of(cpu("a", 1, T0), cpu("b", 1, T0)), v(1));
        WriteResult t = tags.write(List.of(cpu("c", 1, T0), cpu("b", 2, T0)), v(2));
        assertThat(outcome(t)).isEqualTo(new WriteResult(1, 1,
                "max-values-per-tag limit exceeded (2/2): measurement=\"cpu\" tag=\"host\" value=\"c\""));
        assertThat(tags.series("cpu", TagPredicate.all())).hasSize(2);
    }

    @Test
    void newSeriesRepeatedInABatchAreCreatedOnceAndFoundByLaterBatches() {
        List<Point> batch = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            batch.add(point("ns", "f", i, T0 + i, "host", "h" + (i % 200), "dc", "dc" + (i % 200 % 3)));
        }
        assertThat(outcome(store.write(batch, v(1)))).isEqualTo(new WriteResult(600, 0, null));
        List<Point> next = new ArrayList<>();
        for (int i = 190; i < 210; i++) {
            next.add(point("ns", "f", i, T0 + 1_000 + i, "host", "h" + i, "dc", "dc" + (i % 3)));
        }
        assertThat(outcome(store.write(next, v(2)))).isEqualTo(new WriteResult(20, 0, null));
        assertThat(store.series("ns", TagPredicate.all())).hasSize(210);
        assertThat(store.tagValues("ns", "dc", TagPredicate.all())).containsExactly("dc0", "dc1", "dc2");
        assertThat(store.series("ns", new TagPredicate.Compare("host", "h195", false))).hasSize(1);
        assertThat(store.stats().seriesCount()).isEqualTo(210);
        assertThat(store.stats().pointCount()).isEqualTo(620);
    }

    @Test
    void limitsFollow16SemanticsOverAWholeBatch() {
        ShardStore series = engine(Map.of("max-series-per-database", 2L)).open(new ShardId("db", "rp", 11));
        WriteResult all = series.write(List.of(cpu("a", 1, T0), cpu("b", 1, T0), cpu("c", 1, T0)), v(1));
        assertThat(outcome(all)).isEqualTo(new WriteResult(0, 3, "max-series-per-database limit exceeded: (2)"));
        series.write(List.of(cpu("a", 1, T0)), v(2));
        WriteResult some = series.write(List.of(cpu("b", 1, T0), cpu("c", 1, T0), cpu("a", 2, T0 + 1)), v(3));
        assertThat(outcome(some)).isEqualTo(new WriteResult(1, 2, "max-series-per-database limit exceeded: (2)"));
        ShardStore tags = engine(Map.of("max-values-per-tag", 3L)).open(new ShardId("db", "rp", 12));
        assertThat(outcome(tags.write(List.of(cpu("a", 1, T0), cpu("b", 1, T0), cpu("c", 1, T0), cpu("d", 1, T0)), v(1))))
                .as("values the batch adds do not count").isEqualTo(new WriteResult(4, 0, null));
        WriteResult r = tags.write(List.of(cpu("e", 1, T0 + 2), cpu("b", 1, T0 + 2), cpu("f", 2, T0 + 3)), v(2));
        assertThat(outcome(r)).isEqualTo(new WriteResult(1, 2,
                "max-values-per-tag limit exceeded (4/3): measurement=\"cpu\" tag=\"host\" value=\"e\""));
        assertThat(tags.tagValues("cpu", "host", TagPredicate.all())).containsExactly("a", "b", "c", "d");
    }

    // ---------------------------------------------------------------- versions

    @Test
    void higherVersionWinsWhateverTheArrivalOrder() {
        store.write(List.of(cpu("a", 2, T0)), v(2));
        store.write(List.of(cpu("a", 1, T0)), v(1));
        store.write(List.of(cpu("b", 1, T0)), v(1));
        store.write(List.of(cpu("b", 2, T0)), v(2));
        assertThat(rows(store, "cpu", "value")).containsExactly(
                "cpu,host=a " + T0 + " [float:2.0]", "cpu,host=b " + T0 + " [float:2.0]");
    }

    @Test
    void equalVersionsAreBrokenByValueEvenWithinOneBatch() {
        store.write(List.of(cpu("a", 5, T0)), v(1));
        store.write(List.of(cpu("a", 3, T0)), v(1));
        store.write(List.of(cpu("b", 4, T0), cpu("b", 9, T0)), v(1));
        store.write(PointDedup.lastWins(List.of(cpu("c", 9, T0), cpu("c", 4, T0), cpu("c", 7, T0 + 1))), v(1));
        assertThat(rows(store, "cpu", "value")).containsExactly(
                "cpu,host=a " + T0 + " [float:5.0]", "cpu,host=b " + T0 + " [float:9.0]",
                "cpu,host=c " + T0 + " [float:4.0]", "cpu,host=c " + (T0 + 1) + " [float:7.0]");
    }

    @Test
    void fieldsOfOneTimestampMergeIntoOneRow() {
        store.write(List.of(point("m", "a", 1, T0)), v(1));
        store.write(List.of(point("m", "b", 2, T0)), v(2));
        assertThat(rows(store, "m", "a", "b")).containsExactly("m " + T0 + " [float:1.0, float:2.0]");
        assertThat(rows(store, "m", "b", "c")).containsExactly("m " + T0 + " [float:2.0, null]");
    }

    // ---------------------------------------------------------------- index

    @Test
    void indexAnswersShowStatementsAndTagPredicates() {
        store.write(List.of(point("cpu", "v", 1, T0, "host", "a", "region", "us"),
                point("cpu", "v", 1, T0, "host", "b", "region", "eu"), point("cpu", "v", 1, T0, "host", "c"),
                point("mem", "free", 1, T0, "host", "a"),
                Point.builder("disk").integerField("used", 1).stringField("path", "/").timestamp(T0).build()), v(1));
        assertThat(store.measurements(TagPredicate.all())).containsExactly("cpu", "disk", "mem");
        assertThat(store.measurements(TagPredicate.eq("region", "eu"))).containsExactly("cpu");
        assertThat(keys(store.series("cpu", TagPredicate.eq("host", "a")))).containsExactly("cpu,host=a,region=us");
        assertThat(keys(store.series("cpu", TagPredicate.neq("region", "us"))))
                .containsExactly("cpu,host=b,region=eu", "cpu,host=c");
        assertThat(keys(store.series("cpu", TagPredicate.eq("region", "")))).containsExactly("cpu,host=c");
        assertThat(keys(store.series("cpu", TagPredicate.regex("host", "^[ab]$"))))
                .containsExactly("cpu,host=a,region=us", "cpu,host=b,region=eu");
        assertThat(keys(store.series("cpu", TagPredicate.notRegex("region", "u")))).containsExactly("cpu,host=c");
        assertThat(keys(store.series("cpu", TagPredicate.regex("region", "^$")))).containsExactly("cpu,host=c");
        assertThat(keys(store.series("cpu", TagPredicate.or(TagPredicate.eq("host", "c"),
                TagPredicate.and(TagPredicate.eq("host", "b"), TagPredicate.neq("region", "us"))))))
                .containsExactly("cpu,host=b,region=eu", "cpu,host=c");
        assertThat(store.tagKeys("cpu", TagPredicate.all())).containsExactly("host", "region");
        assertThat(store.tagKeys("cpu", TagPredicate.eq("host", "c"))).containsExactly("host");
        assertThat(store.tagValues("cpu", "region", TagPredicate.all())).containsExactly("eu", "us");
        assertThat(store.tagValues("cpu", "host", TagPredicate.eq("region", "eu"))).containsExactly("b");
        assertThat(store.fieldTypes("disk")).containsExactly(Map.entry("path", FieldType.STRING),
                Map.entry("used", FieldType.INTEGER));
        assertThat(store.series("nope", TagPredicate.all())).isEmpty();
    }

    // ---------------------------------------------------------------- scans

    @Test
    void scansHonourSeriesTimeRangeAndOrder() {
        store.write(cpuBatch(3, 10, T0 - HOUR - 5, 1_000_000_000_000L, 10), v(1));
        SeriesKey h1 = series("cpu", "host", "h1", "region", "r1", "dc", "dc1");
        long from = T0 - HOUR - 5 + 2_000_000_000_000L;
        long to = T0 - HOUR - 5 + 5_000_000_000_000L;
        List<Long> asc = new ArrayList<>();
        try (CloseableIterator<Row> it = store.scan(ScanRequest.ascending("cpu", List.of(h1),
                List.of("processes", "usage_user"), TimeRange.of(from, to)))) {
            it.forEachRemaining(r -> {
                asc.add(r.timestamp());
                assertThat(r.value(0).type()).isEqualTo(FieldType.INTEGER);
            });
        }
        assertThat(asc).hasSize(4).isSorted().allMatch(t -> t >= from && t <= to);
        List<Long> desc = new ArrayList<>();
        try (CloseableIterator<Row> it = store.scan(ScanRequest.descending("cpu", List.of(h1),
                List.of("usage_user"), TimeRange.of(from, to)))) {
            it.forEachRemaining(r -> desc.add(r.timestamp()));
        }
        Collections.reverse(desc);
        assertThat(desc).isEqualTo(asc);
    }

    @Test
    void fieldScanDeliversPrimitiveBlocks() {
        List<Point> points = cpuBatch(5, 40, T0, 600_000_000_000L, 1);
        store.write(points, v(1));
        double expected = points.stream().mapToDouble(p -> p.floatValue(p.fieldIndex("usage_user"))).sum();
        List<SeriesKey> all = store.series("cpu", TagPredicate.all());
        double sum = 0;
        int n = 0;
        try (FieldBlockCursor c = store.scanField(new FieldScanRequest("cpu", all, "usage_user", TimeRange.ALL))) {
            while (c.next()) {
                assertThat(c.type()).isEqualTo(FieldType.FLOAT);
                for (int i = 0; i < c.size(); i++) {
                    sum += c.floats()[i];
                    n++;
                }
            }
        }
        assertThat(n).isEqualTo(200);
        assertThat(sum).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
    }

    // ---------------------------------------------------------------- tombstones

    @Test
    void droppedSeriesIsInvisibleUntilANewerWrite() {
        store.write(List.of(cpu("a", 1, T0), cpu("b", 1, T0)), v(1));
        store.delete(Tombstone.dropSeries("cpu", TagPredicate.eq("host", "a"), v(5)));
        assertThat(keys(store.series("cpu", TagPredicate.all()))).containsExactly("cpu,host=b");
        store.write(List.of(cpu("a", 2, T0 + 1)), v(4));
        assertThat(keys(store.series("cpu", TagPredicate.all()))).containsExactly("cpu,host=b");
        store.write(List.of(cpu("a", 3, T0 + 2)), v(6));
        assertThat(rows(store, "cpu", "value")).containsExactly("cpu,host=a " + (T0 + 2) + " [float:3.0]",
                "cpu,host=b " + T0 + " [float:1.0]");
    }

    @Test
    void deleteWithTimeRangeKeepsTheRestAndLateSeriesAreCovered() {
        store.write(List.of(cpu("a", 1, T0), cpu("a", 2, T0 + 10), cpu("a", 3, T0 + 20)), v(1));
        store.delete(Tombstone.delete("cpu", TagPredicate.all(), TimeRange.of(T0 + 5, T0 + 15), v(2)));
        store.write(List.of(cpu("late", 9, T0 + 10)), v(1));
        assertThat(rows(store, "cpu", "value")).containsExactly("cpu,host=a " + T0 + " [float:1.0]",
                "cpu,host=a " + (T0 + 20) + " [float:3.0]");
        assertThat(store.series("cpu", TagPredicate.all())).hasSize(1);
    }

    /** Field types once asked still show fields written later, and none after the measurement is dropped. */
    @Test
    void fieldTypesFollowFieldsWrittenAfterTheyWereAsked() {
        store.write(List.of(cpu("a", 1, T0)), v(1));
        assertThat(store.fieldTypes("cpu")).isEqualTo(Map.of("value", FieldType.FLOAT));
        assertThat(store.fieldTypes("nope")).isEmpty();
        store.write(List.of(Point.builder("cpu").tag("host", "a").integerField("count", 2).timestamp(T0).build(),
                Point.builder("nope").stringField("s", "x").timestamp(T0).build()), v(2));
        assertThat(store.fieldTypes("cpu")).containsExactly(Map.entry("count", FieldType.INTEGER),
                Map.entry("value", FieldType.FLOAT));
        assertThat(store.fieldTypes("nope")).isEqualTo(Map.of("s", FieldType.STRING));
        store.delete(Tombstone.dropMeasurement("cpu", v(3)));
        assertThat(store.fieldTypes("cpu")).isEmpty();
    }

    @Test
    void dropMeasurementForgetsItsFieldTypes() {
        store.write(List.of(cpu("a", 1, T0), point("mem", "free", 1, T0)), v(1));
        store.delete(Tombstone.dropMeasurement("cpu", v(2)));
        assertThat(store.measurements(TagPredicate.all())).containsExactly("mem");
        assertThat(store.fieldTypes("cpu")).isEmpty();
        Point asInt = Point.builder("cpu").tag("host", "a").integerField("value", 3).timestamp(T0).build();
        assertThat(store.write(List.of(asInt), v(3)).dropped()).isZero();
        assertThat(rows(store, "cpu", "value")).containsExactly("cpu,host=a " + T0 + " [integer:3]");
    }

    @Test
    void tombstonesArePurgedAfterTheGracePeriodAndCompactionKeepsTheDigest() {
        store.write(cpuBatch(4, 30, T0, 300_000_000_000L, 1), v(1));
        store.delete(Tombstone.delete("cpu", TagPredicate.eq("host", "h1"), TimeRange.of(T0, T0 + HOUR), v(2)));
        Digest before = store.digest(Digest.NO_CUTOFF);
        store.compact();
        assertThat(store.digest(Digest.NO_CUTOFF)).isEqualTo(before);
        store.write(List.of(TestPoints.cpuFull(1, T0, 77)), v(1));
        assertThat(store.digest(Digest.NO_CUTOFF)).isEqualTo(before);
        clock.advance(Duration.ofDays(11));
        store.compact();
        assertThat(store.digest(Digest.NO_CUTOFF).tombstones()).isEmpty();
        store.write(List.of(TestPoints.cpuFull(1, T0, 77)), v(1));
        assertThat(store.series("cpu", TagPredicate.eq("host", "h1"))).hasSize(1);
    }

    // ---------------------------------------------------------------- digests, diff and patch

    @Test
    void digestDependsOnContentNotOnWriteOrderOrBatching() {
        List<Point> points = cpuBatch(20, 30, T0, 120_000_000_000L, 3);
        ShardStore b = other(2);
        store.write(points, v(1));
        List<Point> shuffled = new ArrayList<>(points);
        Collections.shuffle(shuffled, new Random(7));
        for (int i = 0; i < shuffled.size(); i += 37) {
            b.write(shuffled.subList(i, Math.min(shuffled.size(), i + 37)), v(1));
        }
        b.compact();
        Digest da = store.digest(Digest.NO_CUTOFF);
        assertThat(b.digest(Digest.NO_CUTOFF)).isEqualTo(da);
        assertThat(DigestCodec.encode(b.digest(Digest.NO_CUTOFF))).isEqualTo(DigestCodec.encode(da));
        assertThat(DigestCodec.decode(DigestCodec.encode(da))).isEqualTo(da);
        b.write(List.of(TestPoints.cpuFull(3, T0, 3)), v(2));
        assertThat(b.digest(Digest.NO_CUTOFF).root()).isNotEqualTo(da.root());
    }

    @Test
    void diffRowDigestAndPatchesMakeReplicasEqual() {
        ShardStore b = other(2);
        List<Point> points = cpuBatch(10, 50, T0, 60_000_000_000L, 1);
        store.write(points, v(1));
        b.write(points.subList(0, 400), v(1));
        b.write(List.of(TestPoints.cpuFull(2, T0, 999)), v(3));
        b.write(List.of(point("mem", "free", 5, T0, "host", "x")), v(2));
        store.delete(Tombstone.dropSeries("cpu", TagPredicate.eq("host", "h9"), v(2)));
        repair(store, b);
        assertThat(b.digest(Digest.NO_CUTOFF)).isEqualTo(store.digest(Digest.NO_CUTOFF));
        assertThat(rows(b, "cpu", "usage_user")).isEqualTo(rows(store, "cpu", "usage_user"));
        assertThat(b.series("cpu", TagPredicate.eq("host", "h9"))).isEmpty();
    }

    @Test
    void patchesNeverResurrectDeletedValues() {
        ShardStore b = other(2);
        store.write(List.of(cpu("a", 1, T0), cpu("a", 2, T0 + 1)), v(1));
        b.write(List.of(cpu("a", 1, T0), cpu("a", 2, T0 + 1)), v(1));
        b.delete(Tombstone.dropSeries("cpu", TagPredicate.all(), v(2)));
        Patch stale = store.exportPatch(List.of(new SeriesRange(series("cpu", "host", "a"), T0, T0 + 1)));
        PatchResult r = b.applyPatch(Patch.fromBytes(stale.toBytes()));
        assertThat(r.merged()).isEqualTo(2);
        assertThat(b.series("cpu", TagPredicate.all())).isEmpty();
        repair(store, b);
        assertThat(store.series("cpu", TagPredicate.all())).isEmpty();
        assertThat(store.digest(Digest.NO_CUTOFF)).isEqualTo(b.digest(Digest.NO_CUTOFF));
    }

    @Test
    void patchWithoutTombstonesCarriesOnlyTheValues() {
        store.write(List.of(cpu("a", 1, T0), cpu("b", 2, T0)), v(1));
        store.delete(Tombstone.dropSeries("cpu", TagPredicate.eq("host", "b"), v(2)));
        List<SeriesRange> ranges = List.of(new SeriesRange(series("cpu", "host", "a"), T0, T0));
        Patch with = store.exportPatch(ranges);
        Patch without = store.exportPatch(ranges, false);
        assertThat(with.tombstones()).isEqualTo(1);
        assertThat(without.tombstones()).isZero();
        assertThat(without.values()).isEqualTo(with.values()).isEqualTo(1);
        assertThat(without.sizeBytes()).isLessThan(with.sizeBytes());
    }

    @Test
    void patchWithAnotherTypeIsDroppedAndReported() {
        ShardStore b = other(2);
        store.write(List.of(cpu("a", 1, T0)), v(1));
        b.write(List.of(Point.builder("cpu").tag("host", "a").integerField("value", 1).timestamp(T0).build()), v(1));
        PatchResult r = b.applyPatch(store.exportPatch(List.of(new SeriesRange(series("cpu", "host", "a"), T0, T0))));
        assertThat(r.dropped()).isEqualTo(1);
        assertThat(r.firstReason()).startsWith("field type conflict: input field \"value\"");
    }

    @Test
    void versionCutOffComparesOnlySettledValues() {
        ShardStore b = other(2);
        List<Point> points = cpuBatch(5, 10, T0, 60_000_000_000L, 1);
        store.write(points, v(1));
        b.write(points, v(1));
        long hot = Hlc.version(TestPoints.START_MS + 60_000, 0);
        store.write(List.of(TestPoints.cpuFull(1, T0 + 5, 5)), hot);
        store.delete(Tombstone.dropSeries("cpu", TagPredicate.eq("host", "h4"), hot + 1));
        assertThat(store.digest(Digest.NO_CUTOFF)).isNotEqualTo(b.digest(Digest.NO_CUTOFF));
        assertThat(store.digest(hot).root()).isNotEqualTo(b.digest(hot).root());
        b.delete(Tombstone.dropSeries("cpu", TagPredicate.eq("host", "h4"), hot + 1));
        assertThat(store.digest(hot)).isEqualTo(b.digest(hot));
        assertThat(DigestDiff.diff(store.digest(hot), b.digest(hot)).isEmpty()).isTrue();
        assertThat(store.rowDigest(List.of(DigestDiff.bucket(points.get(1).series(), T0, HOUR)), hot))
                .isEqualTo(b.rowDigest(List.of(DigestDiff.bucket(points.get(1).series(), T0, HOUR)), hot));
    }

    // ---------------------------------------------------------------- copies

    @Test
    void snapshotIngestGivesAnIdenticalShard() {
        store.write(cpuBatch(10, 20, T0, 600_000_000_000L, 2), v(1));
        store.delete(Tombstone.delete("cpu", TagPredicate.eq("host", "h3"), TimeRange.of(T0, T0 + HOUR), v(2)));
        Digest atSnapshot = store.digest(Digest.NO_CUTOFF);
        List<String> rowsAtSnapshot = rows(store, "cpu", "usage_user", "processes");
        ShardStore copy;
        try (ShardSnapshot snap = store.snapshot()) {
            store.write(List.of(cpu("after", 1, T0)), v(3));
            assertThat(snap.files()).isNotEmpty();
            copy = engine.ingest(new ShardId("db", "rp", 42), snap);
            assertThatThrownBy(() -> engine.ingest(new ShardId("db", "rp", 42), snap))
                    .isInstanceOf(ShardlineException.class)
                    .extracting(e -> ((ShardlineException) e).code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
        }
        assertThat(copy.digest(Digest.NO_CUTOFF)).isEqualTo(atSnapshot);
        assertThat(rows(copy, "cpu", "usage_user", "processes")).isEqualTo(rowsAtSnapshot);
        assertThat(copy.series("cpu", TagPredicate.eq("host", "after"))).isEmpty();
        assertThat(copy.stats().valueCount()).isEqualTo(store.stats().valueCount() - 1);
        ShardStore fresh = other(43);
        fresh.applyPatch(copy.exportPatch(List.of()));
        assertThat(fresh.digest(Digest.NO_CUTOFF).tombstones()).hasSize(1);
    }

    @Test
    void ingestRejectsACorruptedFile() {
        store.write(List.of(cpu("a", 1, T0)), v(1));
        try (ShardSnapshot snap = store.snapshot()) {
            SnapshotSource broken = new SnapshotSource() {
                @Override
                public List<SnapshotFile> files() {
                    return snap.files();
                }

                @Override
                public byte[] read(String name, long offset, int maxLength) {
                    byte[] b = snap.read(name, offset, maxLength);
                    if (b.length > 0) {
                        b[b.length / 2] ^= 1;
                    }
                    return b;
                }
            };
            assertThatThrownBy(() -> engine.ingest(new ShardId("db", "rp", 50), broken))
                    .isInstanceOf(ShardlineException.class).hasMessageContaining("shard=50")
                    .extracting(e -> ((ShardlineException) e).code()).isEqualTo(ErrorCode.CORRUPTED);
        }
        assertThat(engine.get(new ShardId("db", "rp", 50))).isEmpty();
    }

    @Test
    void ingestWithAConverterBuildsTheShardFromTheFilesAndShowsItOnlyAfterTheCommitPoint() {
        ShardId id = new ShardId("db", "rp", 60);
        SnapshotSource files = bytesSource(Map.of("a.txt", "a 2", "b.txt", "b 3"));
        boolean[] committed = {false};
        ShardStore built = engine.ingest(id, files, (paths, shard) -> {
            for (java.nio.file.Path p : paths) {
                String[] f = readString(p).split(" ");
                load(shard, List.of(cpu(f[0], Double.parseDouble(f[1]), T0)), v(4));
            }
        }, () -> {
            assertThat(engine.get(id)).isEmpty();
            committed[0] = true;
        });
        assertThat(committed[0]).isTrue();
        assertThat(engine.get(id)).containsSame(built);
        assertThat(rows(built, "cpu", "value")).containsExactly("cpu,host=a " + T0 + " [float:2.0]",
                "cpu,host=b " + T0 + " [float:3.0]");
    }

    @Test
    void aFailingConverterOrCommitLeavesNoShardAndTheIdFree() {
        ShardId id = new ShardId("db", "rp", 61);
        SnapshotSource files = bytesSource(Map.of("a.txt", "a 2"));
        assertThatThrownBy(() -> engine.ingest(id, files, (paths, shard) -> {
            load(shard, List.of(cpu("a", 1, T0)), v(4));
            throw new ShardlineException(ErrorCode.CORRUPTED, "bad input");
        }, () -> { })).hasMessage("bad input");
        assertThat(engine.get(id)).isEmpty();
        assertThatThrownBy(() -> engine.ingest(id, files, (paths, shard) -> load(shard, List.of(cpu("a", 1, T0)), v(4)),
                () -> {
                    throw new ShardlineException(ErrorCode.CANCELLED, "another owner failed");
                })).hasMessage("another owner failed");
        assertThat(engine.get(id)).isEmpty();
        assertThat(engine.shards()).noneMatch(s -> s.id().equals(id));
        ShardStore later = engine.ingest(id, files, (paths, shard) -> load(shard, List.of(cpu("z", 9, T0)), v(5)),
                () -> { });
        assertThat(rows(later, "cpu", "value")).containsExactly("cpu,host=z " + T0 + " [float:9.0]");
    }

    @Test
    void anArchiveTheConverterUnpacksIsReadAsItArrivesAndCheckedWhole() {
        ShardId id = new ShardId("db", "rp", 63);
        // an "archive" of one file per line; the unpacker stops reading at a line "end"
        ShardConverter lines = new ShardConverter() {
            @Override
            public java.util.Optional<Unpacker> unpacker(String name) {
                return name.endsWith(".arc") ? java.util.Optional.of(this::unpack) : java.util.Optional.empty();
            }

            private List<java.nio.file.Path> unpack(java.io.InputStream in, java.nio.file.Path dir) {
                List<java.nio.file.Path> out = new ArrayList<>();
                try {
                    for (String line; (line = line(in)) != null && !line.equals("end"); ) {
                        if (!line.matches("[a-z] [0-9]+")) {
                            throw new ShardlineException(ErrorCode.CORRUPTED, "bad line " + line);
                        }
                        out.add(java.nio.file.Files.writeString(dir.resolve("f" + out.size()), line));
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return out;
            }

            @Override
            public void convert(List<java.nio.file.Path> paths, ShardLoader shard) {
                for (java.nio.file.Path p : paths) {
                    assertThat(p.getFileName().toString()).doesNotEndWith(".arc");
                    String[] f = readString(p).split(" ");
                    load(shard, List.of(cpu(f[0], Double.parseDouble(f[1]), T0)), v(4));
                }
            }
        };
        ShardStore built = engine.ingest(id, bytesSource(Map.of("x.arc", "a 2\nb 3\nend\nnot read", "c.txt", "c 4")),
                lines, () -> { });
        assertThat(rows(built, "cpu", "value")).containsExactly("cpu,host=a " + T0 + " [float:2.0]",
                "cpu,host=b " + T0 + " [float:3.0]", "cpu,host=c " + T0 + " [float:4.0]");

        // damaged on the way after what the unpacker reads: the check of the whole archive refuses it
        ShardId damagedTail = new ShardId("db", "rp", 64);
        assertThatThrownBy(() -> engine.ingest(damagedTail, flipped(bytesSource(Map.of("x.arc", "a 2\nend\nrest")),
                "a 2\nend\nre".length()), lines, () -> { })).isInstanceOf(ShardlineException.class)
                .hasMessageContaining("snapshot file x.arc failed its check")
                .extracting(e -> ((ShardlineException) e).code()).isEqualTo(ErrorCode.CORRUPTED);
        assertThat(engine.get(damagedTail)).isEmpty();
        // damaged so that the unpacking fails first: still reported as the damaged transfer it is
        assertThatThrownBy(() -> engine.ingest(damagedTail, flipped(bytesSource(Map.of("x.arc", "a 2\nb 3\n")), 5),
                lines, () -> { })).isInstanceOf(ShardlineException.class)
                .hasMessageContaining("snapshot file x.arc failed its check")
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement().extracting(Throwable::getMessage)
                        .isEqualTo("bad line b\"3"));
        // an archive that arrived intact but does not unpack: the unpacker's error
        assertThatThrownBy(() -> engine.ingest(damagedTail, bytesSource(Map.of("x.arc", "a 2\n??\n")), lines,
                () -> { })).hasMessage("bad line ??");
        // the transfer breaks off: its own error, not a checksum failure
        SnapshotSource whole = bytesSource(Map.of("x.arc", "a 2\nb 3\n"));
        SnapshotSource breaking = new SnapshotSource() {
            @Override
            public List<SnapshotFile> files() {
                return whole.files();
            }

            @Override
            public byte[] read(String name, long offset, int maxLength) {
                if (offset >= 4) {
                    throw new ShardlineException(ErrorCode.CANCELLED, "the sender went away");
                }
                return whole.read(name, offset, Math.min(maxLength, 4 - (int) offset));
            }
        };
        assertThatThrownBy(() -> engine.ingest(damagedTail, breaking, lines, () -> { }))
                .hasMessage("the sender went away")
                .extracting(e -> ((ShardlineException) e).code()).isEqualTo(ErrorCode.CANCELLED);
        assertThat(engine.get(damagedTail)).isEmpty();
        assertThat(engine.shards()).noneMatch(s -> s.id().equals(damagedTail));
    }

    /** The next line of {@code in}, read byte by byte (so nothing after it is read), null at its end. */
    private static String line(java.io.InputStream in) throws java.io.IOException {
        StringBuilder b = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                return b.length() == 0 ? null : b.toString();
            }
            b.append((char) c);
        }
        return b.toString();
    }

    /** {@code source} with the byte at {@code at} of every file changed after its checksum was taken. */
    private static SnapshotSource flipped(SnapshotSource source, int at) {
        return new SnapshotSource() {
            @Override
            public List<SnapshotFile> files() {
                return source.files();
            }

            @Override
            public byte[] read(String name, long offset, int maxLength) {
                byte[] b = source.read(name, offset, maxLength);
                if (offset <= at && at < offset + b.length) {
                    b[(int) (at - offset)] ^= 2;
                }
                return b;
            }
        };
    }

    @Test
    void aBulkLoadStoresWhatTheWritePathStoresForTheSamePoints() {
        long seed = new Random().nextLong();
        System.out.println("aBulkLoadStoresWhatTheWritePathStoresForTheSamePoints seed=" + seed);
        Random random = new Random(seed);
        List<Point> points = new ArrayList<>(cpuBatch(7, 90, T0 - HOUR, HOUR / 30, 1.5));
        for (int i = 0; i < 40; i++) {
            points.add(Point.builder("events").tag("host", "h" + random.nextInt(3)).stringField("note", "n" + i)
                    .booleanField("ok", random.nextBoolean()).timestamp(T0 + i * 997_000_000L).build());
        }
        WriteResult written = store.write(points, v(3));
        assertThat(written.dropped()).isZero();
        ShardId id = new ShardId("db", "rp", 62);
        // as a converter delivers them: series by series, field by field, in runs of a few values
        ShardStore loaded = engine.ingest(id, bytesSource(Map.of()), (paths, shard) -> loadRuns(shard, points, v(3),
                1 + random.nextInt(20)), () -> { });
        assertThat(loaded.digest(Digest.NO_CUTOFF)).isEqualTo(store.digest(Digest.NO_CUTOFF));
        for (String m : List.of("cpu", "events")) {
            assertThat(keys(loaded.series(m, TagPredicate.all()))).isEqualTo(keys(store.series(m, TagPredicate.all())));
            assertThat(loaded.fieldTypes(m)).isEqualTo(store.fieldTypes(m));
            assertThat(loaded.tagKeys(m, TagPredicate.all())).isEqualTo(store.tagKeys(m, TagPredicate.all()));
            String[] fields = store.fieldTypes(m).keySet().toArray(String[]::new);
            assertThat(rows(loaded, m, fields)).isEqualTo(rows(store, m, fields)).isNotEmpty();
        }
        assertThat(loaded.stats().valueCount()).isEqualTo(store.stats().valueCount());
        assertThat(loaded.measurements(TagPredicate.all())).isEqualTo(store.measurements(TagPredicate.all()));
    }

    @Test
    void aBulkLoadTheWriteRulesWouldDropFailsAndLeavesNoShard() {
        engine = engine(Map.of("max-series-per-database", 2L));
        ShardId id = new ShardId("db", "rp", 63);
        assertThatThrownBy(() -> engine.ingest(id, bytesSource(Map.of()), (paths, shard) -> load(shard,
                List.of(cpu("a", 1, T0), cpu("b", 2, T0), cpu("c", 3, T0)), v(4)), () -> { }))
                .isInstanceOf(ShardlineException.class).hasMessageStartingWith("shard 63 refused ")
                .hasMessageContaining("max-series-per-database limit exceeded")
                .extracting(e -> ((ShardlineException) e).code()).isEqualTo(ErrorCode.FAILED_PRECONDITION);
        assertThat(engine.get(id)).isEmpty();
        Point integer = Point.builder("cpu").tag("host", "b").integerField("value", 2).timestamp(T0).build();
        assertThatThrownBy(() -> engine.ingest(id, bytesSource(Map.of()), (paths, shard) -> load(shard,
                List.of(cpu("a", 1, T0), integer), v(4)), () -> { }))
                .hasMessageContaining("field type conflict: input field \"value\" on measurement \"cpu\" is type integer");
        assertThat(engine.get(id)).isEmpty();
        assertThat(engine.shards()).noneMatch(s -> s.id().equals(id));
    }

    @Test
    void ingestTakesReadOnlyViewsOfReceivedBytesAndRefusesAFileThatFailsItsCheck() {
        long seed = System.nanoTime();
        System.out.println("seed=" + seed);
        Random random = new Random(seed);
        byte[] big = new byte[(5 << 19) + 17]; // 2.5 MiB: several passes through the ingest's staging buffer
        random.nextBytes(big);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(big);
        SnapshotFile file = new SnapshotFile("big.bin", big.length, (int) crc.getValue());
        byte[][] pulled = {null};
        engine.ingest(new ShardId("db", "rp", 64), readOnlyViews(file, big, random),
                (paths, shard) -> pulled[0] = readBytes(paths.get(0)), () -> { });
        assertThat(pulled[0]).isEqualTo(big);

        byte[] flipped = big.clone();
        flipped[big.length - 3] ^= 1;
        ShardId other = new ShardId("db", "rp", 65);
        assertThatThrownBy(() -> engine.ingest(other, readOnlyViews(file, flipped, random), (paths, shard) -> { },
                () -> { }))
                .isInstanceOfSatisfying(ShardlineException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPTED))
                .hasMessageContaining("big.bin");
        assertThat(engine.get(other)).isEmpty();
    }

    /** {@code content} in read-only heap views of random sizes, as a received message's bytes arrive. */
    private static SnapshotSource readOnlyViews(SnapshotFile file, byte[] content, Random random) {
        return new SnapshotSource() {
            @Override
            public List<SnapshotFile> files() {
                return List.of(file);
            }

            @Override
            public byte[] read(String name, long offset, int maxLength) {
                java.nio.ByteBuffer b = readBuffer(name, offset, maxLength);
                byte[] out = new byte[b.remaining()];
                b.get(out);
                return out;
            }

            @Override
            public java.nio.ByteBuffer readBuffer(String name, long offset, int maxLength) {
                int n = (int) Math.min(Math.min(maxLength, content.length - offset), 1 + random.nextInt(3 << 20));
                return java.nio.ByteBuffer.wrap(content, (int) offset, n).slice().asReadOnlyBuffer();
            }
        };
    }

    private static byte[] readBytes(java.nio.file.Path p) {
        try {
            return java.nio.file.Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static SnapshotSource bytesSource(Map<String, String> content) {
        Map<String, byte[]> bytes = new java.util.TreeMap<>();
        content.forEach((k, v) -> bytes.put(k, v.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return new SnapshotSource() {
            @Override
            public List<SnapshotFile> files() {
                List<SnapshotFile> out = new ArrayList<>();
                bytes.forEach((name, b) -> {
                    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
                    crc.update(b);
                    out.add(new SnapshotFile(name, b.length, (int) crc.getValue()));
                });
                return out;
            }

            @Override
            public byte[] read(String name, long offset, int maxLength) {
                byte[] b = bytes.get(name);
                int from = (int) Math.min(offset, b.length);
                return java.util.Arrays.copyOfRange(b, from, Math.min(b.length, from + maxLength));
            }
        };
    }

    private static String readString(java.nio.file.Path p) {
        try {
            return java.nio.file.Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void exportWritesOneLinePerValueInInfluxInspectForm() {
        store.write(List.of(Point.builder("m").tag("host", "a b").floatField("f", 1e6).integerField("i", -3)
                .stringField("s", "x\"y").booleanField("b", true).timestamp(T0).build(),
                Point.builder("m").tag("host", "a b").floatField("f", 0.5).timestamp(T0 + 1).build(),
                Point.builder("m").tag("host", "a b").floatField("f", 0.25).timestamp(T0 + 2).build(),
                point("a", "v", 2, T0)), v(1));
        StringWriter out = new StringWriter();
        long n = store.exportLineProtocol(TimeRange.of(T0, T0 + 1), out);
        assertThat(out.toString()).isEqualTo("a v=2 " + T0 + "\n"
                + "m,host=a\\ b b=true " + T0 + "\n"
                + "m,host=a\\ b f=1e+06 " + T0 + "\n"
                + "m,host=a\\ b f=0.5 " + (T0 + 1) + "\n"
                + "m,host=a\\ b i=-3i " + T0 + "\n"
                + "m,host=a\\ b s=\"x\\\"y\" " + T0 + "\n");
        assertThat(n).isEqualTo(6);
    }

    // ---------------------------------------------------------------- stats and lifecycle

    @Test
    void statsCountVisibleSeriesPointsAndValues() {
        assertThat(store.lastModified()).isZero();
        store.write(cpuBatch(3, 4, T0, 1000, 1), v(1));
        store.write(List.of(point("cpu", "extra", 1, T0, "host", "h0", "region", "r0", "dc", "dc0")), v(2));
        assertThat(store.lastModified()).isBetween(clock.wallNanos(), clock.wallNanos() + 1);
        clock.advanceMillis(5);
        store.digest(Digest.NO_CUTOFF);
        assertThat(store.lastModified()).isLessThan(clock.wallNanos());
        ShardStats s = store.stats();
        assertThat(s.seriesCount()).isEqualTo(3);
        assertThat(s.pointCount()).isEqualTo(12);
        assertThat(s.valueCount()).isEqualTo(61);
        store.delete(Tombstone.dropSeries("cpu", TagPredicate.eq("host", "h2"), v(3)));
        assertThat(store.stats().seriesCount()).isEqualTo(2);
        assertThat(store.stats().pointCount()).isEqualTo(8);
        assertThat(store.lastModified()).isEqualTo(clock.wallNanos());
        long last = store.lastModified();
        store.write(List.of(cpu("x", 1, T0)), v(4));
        assertThat(store.lastModified()).as("strictly increasing at a standing clock").isEqualTo(last + 1);
    }

    @Test
    void aClosedStoreRefusesWork() {
        store.write(List.of(cpu("a", 1, T0)), v(1));
        engine.closeShard(store.id());
        assertThatThrownBy(() -> store.write(List.of(cpu("a", 1, T0)), v(1))).isInstanceOf(ShardlineException.class)
                .extracting(e -> ((ShardlineException) e).code()).isEqualTo(ErrorCode.FAILED_PRECONDITION);
        ShardStore reopened = engine.open(store.id());
        assertThat(rows(reopened, "cpu", "value")).hasSize(1);
        engine.drop(store.id());
        assertThat(engine.open(store.id()).series("cpu", TagPredicate.all())).isEmpty();
    }

    @Test
    void replicasFedTheSameWritesInAnyOrderAndSplitConverge() {
        long seed = Long.getLong("shardline.seed", 20261206L);
        System.out.println("replicasConverge seed=" + seed + " (re-run with -Dshardline.seed=" + seed + ")");
        Random rnd = new Random(seed);
        ShardStore b = other(2);
        List<Runnable> opsA = new ArrayList<>();
        List<Runnable> opsB = new ArrayList<>();
        for (int op = 0; op < 60; op++) {
            long version = v(op + 1);
            if (rnd.nextInt(10) == 0) {
                long from = T0 + rnd.nextInt(50) * 1000L;
                Tombstone t = Tombstone.delete("cpu", TagPredicate.eq("host", "h" + rnd.nextInt(6)),
                        TimeRange.of(from, from + rnd.nextInt(30_000)), version);
                opsA.add(() -> store.delete(t));
                opsB.add(() -> b.delete(t));
                continue;
            }
            List<Point> batch = new ArrayList<>();
            for (int i = 0; i < 1 + rnd.nextInt(40); i++) {
                batch.add(TestPoints.cpuFull(rnd.nextInt(6), T0 + rnd.nextInt(100) * 1000L + rnd.nextInt(3) * HOUR,
                        rnd.nextInt(1000)));
            }
            opsA.add(() -> store.write(batch, version));
            int cut = rnd.nextInt(batch.size() + 1);
            opsB.add(() -> b.write(batch.subList(0, cut), version));
            opsB.add(() -> b.write(batch.subList(cut, batch.size()), version));
        }
        Collections.shuffle(opsB, rnd);
        opsA.forEach(Runnable::run);
        for (int i = 0; i < opsB.size(); i++) {
            opsB.get(i).run();
            if (i == opsB.size() / 2) {
                b.compact();
            }
        }
        assertThat(rows(b, "cpu", "usage_user", "processes")).as("seed " + seed)
                .isEqualTo(rows(store, "cpu", "usage_user", "processes"));
        assertThat(b.digest(Digest.NO_CUTOFF)).as("seed " + seed).isEqualTo(store.digest(Digest.NO_CUTOFF));
    }

    // ---------------------------------------------------------------- helpers

    /** One AE round in both directions (buckets, then 56 s slots, then rows), through the byte codecs. */
    static void repair(ShardStore a, ShardStore b) {
        Digest da = DigestCodec.decode(DigestCodec.encode(a.digest(Digest.NO_CUTOFF)));
        Digest db = DigestCodec.decode(DigestCodec.encode(b.digest(Digest.NO_CUTOFF)));
        DiffResult diff = DigestDiff.diff(da, db);
        long slot = HOUR / 64;
        List<SeriesRange> slots = DigestDiff.diffRows(
                RowDigestCodec.decode(RowDigestCodec.encode(a.rowDigest(diff.buckets(), Digest.NO_CUTOFF, slot))),
                RowDigestCodec.decode(RowDigestCodec.encode(b.rowDigest(diff.buckets(), Digest.NO_CUTOFF, slot))));
        List<SeriesRange> rows = DigestDiff.diffRows(
                RowDigestCodec.decode(RowDigestCodec.encode(a.rowDigest(slots, Digest.NO_CUTOFF))),
                RowDigestCodec.decode(RowDigestCodec.encode(b.rowDigest(slots, Digest.NO_CUTOFF))));
        Patch ab = Patch.fromBytes(a.exportPatch(rows).toBytes());
        Patch ba = Patch.fromBytes(b.exportPatch(rows).toBytes());
        b.applyPatch(ab);
        a.applyPatch(ba);
    }

    static List<String> rows(ShardStore s, String measurement, String... fields) {
        List<String> out = new ArrayList<>();
        try (CloseableIterator<Row> it = s.scan(ScanRequest.ascending(measurement,
                s.series(measurement, TagPredicate.all()), List.of(fields), TimeRange.ALL))) {
            it.forEachRemaining(r -> out.add(r.series() + " " + r.timestamp() + " " + r.values()));
        }
        return out;
    }

    static List<String> keys(List<SeriesKey> series) {
        return series.stream().map(SeriesKey::toString).toList();
    }

    /** The points' fate alone (stored, dropped, first reason), without what the write created. */
    private static WriteResult outcome(WriteResult r) {
        return new WriteResult(r.stored(), r.dropped(), r.firstReason());
    }
}
