package io.shardline.query.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.query.QueryException;
import io.shardline.query.ast.DeleteSeriesStatement;
import io.shardline.query.ast.DropSeriesStatement;
import io.shardline.query.parse.InfluxQLParser;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SHOW schema statements over the schema seam, and the DROP SERIES/DELETE checks. */
class ShowAndDeleteTest {

    private final InMemoryShard shard = new InMemoryShard()
            .add("cpu", 1, Map.of("value", 1.0, "ok", true), "host", "a", "region", "us west")
            .add("cpu", 2, Map.of("value", 2L), "host", "b")
            .add("mem", 1, Map.of("free", 3L, "name", "x"), "host", "a")
            .add("disk", 1, Map.of("used", 1.0));
    private final TestRunner runner = new TestRunner(0, shard);

    @Test
    void showMeasurements() {
        assertThat(runner.json("SHOW MEASUREMENTS")).isEqualTo("{\"results\":[{\"statement_id\":0,\"series\":"
                + "[{\"name\":\"measurements\",\"columns\":[\"name\"],\"values\":[[\"cpu\"],[\"disk\"],[\"mem\"]]}]}]}\n");
        assertThat(runner.json("SHOW MEASUREMENTS WITH MEASUREMENT =~ /^(cpu|mem)$/ WHERE host = 'a' LIMIT 1 "
                + "OFFSET 1")).contains("\"values\":[[\"mem\"]]");
        assertThat(runner.json("SHOW MEASUREMENTS WHERE host = 'nope'")).isEqualTo(
                "{\"results\":[{\"statement_id\":0}]}\n");
        assertThat(runner.json("SHOW MEASUREMENTS WHERE time > now() - 1h")).isEqualTo(
                "{\"results\":[{\"statement_id\":0,\"error\":\"SHOW MEASUREMENTS doesn't support time in WHERE "
                        + "clause\"}]}\n");
    }

    /** Values checked on InfluxDB 1.6.7 (inmem index): negations drop a measurement if any series matches. */
    @Test
    void showMeasurementsWhereUsesSetSemanticsOf1x() {
        TestRunner r = new TestRunner(0, new InMemoryShard()
                .add("cpu", 10, Map.of("v", 1.0), "host", "a", "region", "ca-east")
                .add("cpu", 10, Map.of("v", 2.0), "host", "b", "region", "us-west")
                .add("mem", 10, Map.of("v", 1.0), "host", "a", "region", "us-west")
                .add("disk", 10, Map.of("v", 3.0), "host", "c")
                .add("net", 10, Map.of("v", 1.0), "region", "ca"));
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("region !~ /ca.*/", "[[\"mem\"]]");
        expected.put("region != 'ca'", "[[\"cpu\"],[\"mem\"]]");
        expected.put("region =~ /ca.*/", "[[\"cpu\"],[\"net\"]]");
        expected.put("host != 'a'", "[[\"disk\"]]");
        expected.put("region =~ /.*/", "[[\"cpu\"],[\"mem\"],[\"net\"]]");
        expected.put("region != ''", "[[\"cpu\"],[\"mem\"],[\"net\"]]");
        expected.put("region = 'ca' or host = 'c'", "[[\"disk\"],[\"net\"]]");
        expected.put("(region = 'ca' or host = 'c') and host =~ /c/", "[[\"disk\"]]");
        expected.put("region !~ /ca.*/ or host =~ /a/", "[[\"cpu\"],[\"mem\"]]");
        expected.put("_name =~ /m/", "[[\"mem\"]]");
        expected.forEach((where, values) -> assertThat(r.json("SHOW MEASUREMENTS WHERE " + where)).as(where)
                .isEqualTo("{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"measurements\","
                        + "\"columns\":[\"name\"],\"values\":" + values + "}]}]}\n"));
        for (String none : new String[] {"region = ''", "region =~ /^$/", "_foo = 'x'"}) {
            assertThat(r.json("SHOW MEASUREMENTS WHERE " + none)).isEqualTo("{\"results\":[{\"statement_id\":0}]}\n");
        }
        Map<String, String> errors = Map.of("v > 1", "invalid tag comparison operator",
                "region = 1", "right side of '=' must be a tag value string",
                "1 = region", "left side of '=' must be a tag key",
                "region", "\\u0026influxql.VarRef{Val:\\\"region\\\", Type:0}",
                "region = 'ca' and true", "\\u0026influxql.BooleanLiteral{Val:true}");
        errors.forEach((where, error) -> assertThat(r.json("SHOW MEASUREMENTS WHERE " + where)).as(where)
                .isEqualTo("{\"results\":[{\"statement_id\":0,\"error\":\"" + error + "\"}]}\n"));
    }

    @Test
    void showSeriesGivesEscapedKeys() {
        assertThat(runner.json("SHOW SERIES FROM cpu, disk")).isEqualTo("{\"results\":[{\"statement_id\":0,"
                + "\"series\":[{\"columns\":[\"key\"],\"values\":[[\"cpu,host=a,region=us\\\\ west\"],"
                + "[\"cpu,host=b\"],[\"disk\"]]}]}]}\n");
        assertThat(runner.json("SHOW SERIES WHERE host = 'a' LIMIT 1")).contains("\"values\":[[\"cpu,host=a,");
    }

    /**
     * The schema seam with its measurement and tag-key questions counted (each is a round trip to every owner in a
     * cluster).
     */
    private static final class CountingSchema implements io.shardline.query.spi.SchemaReader {
        final InMemoryShard inner;
        int measurementQuestions;
        int tagKeyQuestions;

        CountingSchema(InMemoryShard inner) {
            this.inner = inner;
        }

        @Override
        public Set<String> measurements() {
            measurementQuestions++;
            return inner.measurements();
        }

        @Override
        public java.util.List<io.shardline.model.SeriesKey> series(String measurement) {
            return inner.series(measurement);
        }

        @Override
        public Map<String, io.shardline.model.FieldType> fieldTypes(String measurement) {
            return inner.fieldTypes(measurement);
        }

        @Override
        public Set<String> tagKeys(String measurement, io.shardline.query.ast.Expr condition) {
            tagKeyQuestions++;
            return inner.tagKeys(measurement, condition);
        }
    }

    private static java.util.List<io.shardline.query.result.Series> tagValues(String q, CountingSchema schema) {
        return ShowExecutor.tagValues((io.shardline.query.ast.ShowTagValuesStatement) InfluxQLParser.parseQuery(q)
                .statements().get(0), schema);
    }

    @Test
    void namedTagKeysAreAskedForTheirValuesWithoutATagKeyQuestion() {
        CountingSchema schema = new CountingSchema(shard);
        assertThat(tagValues("SHOW TAG VALUES WITH KEY = host", schema)).hasSize(2);
        assertThat(tagValues("SHOW TAG VALUES FROM cpu WITH KEY IN (region, host, region)", schema).get(0).values())
                .hasSize(3);
        assertThat(tagValues("SHOW TAG VALUES FROM cpu WITH KEY = nope", schema)).isEmpty();
        assertThat(schema.tagKeyQuestions).isZero();
        assertThat(tagValues("SHOW TAG VALUES FROM cpu WITH KEY != host", schema).get(0).values()).hasSize(1);
        assertThat(schema.tagKeyQuestions).isEqualTo(1);
    }

    /** A FROM naming measurements needs no measurement question: one without series shows nothing anyway. */
    @Test
    void namedMeasurementsAreReadWithoutAMeasurementQuestion() {
        CountingSchema schema = new CountingSchema(shard);
        java.util.function.Function<String, io.shardline.query.ast.Statement> parse =
                q -> InfluxQLParser.parseQuery(q).statements().get(0);
        assertThat(tagValues("SHOW TAG VALUES FROM nope, mem, cpu, mem WITH KEY = host", schema))
                .extracting(io.shardline.query.result.Series::name).containsExactly("cpu", "mem");
        assertThat(ShowExecutor.tagKeys((io.shardline.query.ast.ShowTagKeysStatement) parse.apply(
                "SHOW TAG KEYS FROM mem, nope, cpu"), schema)).extracting(io.shardline.query.result.Series::name)
                .containsExactly("cpu", "mem");
        assertThat(ShowExecutor.series((io.shardline.query.ast.ShowSeriesStatement) parse.apply(
                "SHOW SERIES FROM nope, disk"), schema).get(0).values()).hasSize(1);
        assertThat(ShowExecutor.series((io.shardline.query.ast.ShowSeriesStatement) parse.apply(
                "SHOW SERIES FROM nope"), schema)).isEmpty();
        assertThat(schema.measurementQuestions).isZero();
        assertThat(tagValues("SHOW TAG VALUES FROM /^m/, cpu WITH KEY = host", schema))
                .extracting(io.shardline.query.result.Series::name).containsExactly("cpu", "mem");
        assertThat(tagValues("SHOW TAG VALUES WITH KEY = host", schema)).hasSize(2);
        assertThat(schema.measurementQuestions).isEqualTo(2);
    }

    @Test
    void showTagKeysAndValuesPerMeasurement() {
        assertThat(runner.json("SHOW TAG KEYS")).isEqualTo("{\"results\":[{\"statement_id\":0,\"series\":["
                + "{\"name\":\"cpu\",\"columns\":[\"tagKey\"],\"values\":[[\"host\"],[\"region\"]]},"
                + "{\"name\":\"mem\",\"columns\":[\"tagKey\"],\"values\":[[\"host\"]]}]}]}\n");
        assertThat(runner.json("SHOW TAG VALUES FROM cpu WITH KEY IN (host, region)")).isEqualTo(
                "{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"cpu\",\"columns\":[\"key\",\"value\"],"
                        + "\"values\":[[\"host\",\"a\"],[\"host\",\"b\"],[\"region\",\"us west\"]]}]}]}\n");
        assertThat(runner.json("SHOW TAG VALUES WITH KEY = host WHERE region =~ /us/")).isEqualTo(
                "{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"cpu\",\"columns\":[\"key\",\"value\"],"
                        + "\"values\":[[\"host\",\"a\"]]}]}]}\n");
        assertThat(runner.json("SHOW TAG VALUES WITH KEY !~ /host/")).contains("[\"region\",\"us west\"]")
                .doesNotContain("\"host\"");
    }

    @Test
    void showFieldKeysWithTypes() {
        assertThat(runner.json("SHOW FIELD KEYS FROM cpu, mem")).isEqualTo("{\"results\":[{\"statement_id\":0,"
                + "\"series\":[{\"name\":\"cpu\",\"columns\":[\"fieldKey\",\"fieldType\"],\"values\":[[\"ok\","
                + "\"boolean\"],[\"value\",\"float\"]]},{\"name\":\"mem\",\"columns\":[\"fieldKey\",\"fieldType\"],"
                + "\"values\":[[\"free\",\"integer\"],[\"name\",\"string\"]]}]}]}\n");
    }

    @Test
    void dropSeriesAndDeleteChecks() {
        Set<String> all = shard.measurements();
        DropSeriesStatement drop = (DropSeriesStatement) InfluxQLParser.parseStatement(
                "DROP SERIES FROM /c.*/ WHERE host = 'a'");
        DeletePlanner.DeletePlan p = DeletePlanner.dropSeries(drop, all, r -> r.name().equals("value"));
        assertThat(p.measurements()).containsExactly("cpu");
        assertThat(p.tagPredicate()).hasToString("host = 'a'");
        assertThatThrownBy(() -> DeletePlanner.dropSeries((DropSeriesStatement) InfluxQLParser.parseStatement(
                "DROP SERIES WHERE time > 0"), all, r -> false)).isInstanceOf(QueryException.class)
                .hasMessage("DROP SERIES doesn't support time in WHERE clause");
        DeleteSeriesStatement del = (DeleteSeriesStatement) InfluxQLParser.parseStatement(
                "DELETE WHERE host = 'b' AND time < 100");
        DeletePlanner.DeletePlan d = DeletePlanner.delete(del, all, r -> false, 0);
        assertThat(d.measurements()).containsExactly("cpu", "disk", "mem");
        assertThat(d.timeRange().max()).isEqualTo(99);
        assertThatThrownBy(() -> DeletePlanner.delete((DeleteSeriesStatement) InfluxQLParser.parseStatement(
                "DELETE FROM cpu WHERE value > 1"), all, r -> r.name().equals("value"), 0))
                .isInstanceOf(QueryException.class).hasMessage("fields not supported in WHERE clause during deletion");
    }
}
