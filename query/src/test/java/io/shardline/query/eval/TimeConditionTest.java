package io.shardline.query.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.model.FieldType;
import io.shardline.query.ast.SelectStatement;
import io.shardline.query.parse.InfluxQLParser;
import io.shardline.query.plan.MeasurementSchema;
import io.shardline.query.plan.SelectCompiler;
import io.shardline.query.plan.SelectPlan;
import io.shardline.query.value.TimeBounds;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Time range extraction and the tag/field split of WHERE conditions. */
class TimeConditionTest {

    private static final long NOW = 1_257_894_000_000_000_000L; // 2009-11-10T23:00:00Z
    private static final long H = 3_600_000_000_000L;

    private static TimeCondition.Result extract(String where) {
        SelectStatement s = (SelectStatement) InfluxQLParser.parseStatement("SELECT v FROM m WHERE " + where);
        return TimeCondition.extract(s.condition(), NOW);
    }

    @Test
    void boundsFromLiteralsNowAndArithmetic() {
        TimeCondition.Result r = extract("time > now() - 1h AND time <= now()");
        assertThat(r.condition()).isNull();
        assertThat(r.range()).isEqualTo(new TimeRange(NOW - H + 1, NOW));
        assertThat(extract("time >= '2009-11-10T22:00:00Z' AND time < '2009-11-10 23:00:00'").range())
                .isEqualTo(new TimeRange(NOW - H, NOW - 1));
        assertThat(extract("time = '2009-11-10'").range())
                .isEqualTo(new TimeRange(NOW - 23 * H, NOW - 23 * H));
        assertThat(extract("time > 1257894000000000000").range().min()).isEqualTo(NOW + 1);
        assertThat(extract("time < 10s").range().max()).isEqualTo(10_000_000_000L - 1);
        assertThat(extract("now() - 2h < time").range().min()).isEqualTo(NOW - 2 * H + 1);
        assertThat(extract("time > '2009-11-10T23:00:00+01:00'").range().min()).isEqualTo(NOW - H + 1);
        assertThat(extract("time > '2009-11-10T23:00:00.5Z'").range().min()).isEqualTo(NOW + 500_000_001L);
    }

    @Test
    void timeInsideOrIsIntersectedAndRemovedLike1x() {
        TimeCondition.Result r = extract("(host = 'a' AND time > now() - 1h) OR time < now() - 2h");
        assertThat(r.condition().toString()).isEqualTo("host = 'a'");
        assertThat(r.range()).isEqualTo(new TimeRange(NOW - H + 1, NOW - 2 * H - 1));
    }

    @Test
    void conditionsWithoutTimeAreKeptAndReduced() {
        TimeCondition.Result r = extract("value > 1 + 1 AND time > now() - 1h AND true");
        assertThat(r.condition().toString()).isEqualTo("value > 2");
        assertThat(r.range().hasMax()).isFalse();
        assertThat(r.range().maxTime()).isEqualTo(TimeBounds.MAX_TIME);
        assertThat(extract("host = 'a'").range()).isEqualTo(TimeRange.UNBOUNDED);
    }

    @Test
    void planDefaultsUpperBoundToNowForGroupByTimeOnly() {
        List<MeasurementSchema> schema = List.of(new MeasurementSchema("m", Map.of("v", FieldType.FLOAT),
                Set.of("host")));
        SelectPlan raw = SelectCompiler.compile((SelectStatement) InfluxQLParser.parseStatement(
                "SELECT v FROM m WHERE time > now() - 1h"), NOW, schema);
        assertThat(raw.timeRange().maxTime()).isEqualTo(TimeBounds.MAX_TIME);
        assertThat(raw.startTime()).isEqualTo(NOW - H + 1);
        SelectPlan agg = SelectCompiler.compile((SelectStatement) InfluxQLParser.parseStatement(
                "SELECT mean(v) FROM m GROUP BY time(1m)"), NOW, schema);
        assertThat(agg.timeRange()).isEqualTo(new TimeRange(TimeRange.UNSET_MIN, NOW));
        assertThat(agg.timeRange().minTime()).isEqualTo(TimeBounds.MIN_TIME);
        assertThat(agg.startTime()).isZero();
    }

    @Test
    void splitsTagPredicateFromRowFilter() {
        SelectStatement s = (SelectStatement) InfluxQLParser.parseStatement("SELECT v FROM m WHERE host = 'a' AND "
                + "time > now() - 1h AND v > 1 AND (region =~ /us/ OR v < 0) AND (dc = 'x' AND rack != 'y')");
        ConditionSplitter.Split split = ConditionSplitter.split(s.condition(), NOW, r -> r.name().equals("v"));
        assertThat(split.tagPredicate().toString()).isEqualTo("host = 'a' AND dc = 'x' AND rack != 'y'");
        assertThat(split.rowFilter().toString()).isEqualTo("v > 1 AND (region =~ /us/ OR v < 0)");
        assertThat(split.timeRange().min()).isEqualTo(NOW - H + 1);
    }

    @Test
    void castsDecideTagOrField() {
        SelectStatement s = (SelectStatement) InfluxQLParser.parseStatement(
                "SELECT v FROM m WHERE v::tag = 'a' AND host::field = 'b'");
        ConditionSplitter.Split split = ConditionSplitter.split(s.condition(), NOW, r -> r.name().equals("v"));
        assertThat(split.tagPredicate().toString()).isEqualTo("v::tag = 'a'");
        assertThat(split.rowFilter().toString()).isEqualTo("host::field = 'b'");
    }
}
