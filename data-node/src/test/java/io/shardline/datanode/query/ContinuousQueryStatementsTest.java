package io.shardline.datanode.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.ContinuousQueryInfo;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.query.ast.CreateContinuousQueryStatement;
import io.shardline.query.parse.InfluxQLParser;
import io.shardline.query.result.EpochFormat;
import io.shardline.query.result.JsonFormatter;
import io.shardline.query.result.Result;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The text 1.x stores for a continuous query (normalised: every source and the target qualified with database
 * and policy), its errors for missing databases and policies, and the bytes of SHOW CONTINUOUS QUERIES — all
 * from influxd 1.6.7.
 */
class ContinuousQueryStatementsTest {

    private static final ClusterMetadata VIEW = view();

    private static ClusterMetadata view() {
        TreeMap<String, RetentionPolicyInfo> rps = new TreeMap<>(Map.of(
                "autogen", RetentionPolicyInfo.of("autogen", 0, 604_800_000_000_000L, 1),
                "rp2", RetentionPolicyInfo.of("rp2", 86_400_000_000_000L, 3_600_000_000_000L, 1)));
        TreeMap<String, DatabaseInfo> dbs = new TreeMap<>();
        dbs.put("db", new DatabaseInfo("db", "autogen", rps));
        return new ClusterMetadata(List.of(), List.of(), dbs, 4, 0, 0, 1);
    }

    private static String normalized(String q) {
        return ContinuousQueryStatements.normalize((CreateContinuousQueryStatement) InfluxQLParser.parseStatement(q),
                VIEW, "").toString();
    }

    @Test
    void storesTheNormalisedText() {
        assertThat(normalized("CREATE CONTINUOUS QUERY cq1 ON db BEGIN SELECT mean(value) INTO m FROM cpu "
                + "GROUP BY time(1m) END")).isEqualTo("CREATE CONTINUOUS QUERY cq1 ON db BEGIN SELECT mean(value) INTO "
                + "db.autogen.m FROM db.autogen.cpu GROUP BY time(1m) END");
        assertThat(normalized("CREATE CONTINUOUS QUERY \"cq 2\" ON db RESAMPLE EVERY 2m FOR 1h BEGIN SELECT "
                + "mean(value) AS v, max(value) INTO db.rp2.:MEASUREMENT FROM /c.*/ WHERE host = 'a' GROUP BY "
                + "time(1m, 15s), * fill(0) END")).isEqualTo("CREATE CONTINUOUS QUERY \"cq 2\" ON db RESAMPLE EVERY 2m "
                + "FOR 1h BEGIN SELECT mean(value) AS v, max(value) INTO db.rp2.:MEASUREMENT FROM db.autogen./c.*/ "
                + "WHERE host = 'a' GROUP BY time(1m, 15s), * fill(0) END");
        assertThat(normalized("CREATE CONTINUOUS QUERY cq3 ON db RESAMPLE FOR 90m BEGIN SELECT count(value) INTO "
                + "rp2.m FROM db..cpu GROUP BY time(30m) tz('America/Chicago') END")).isEqualTo("CREATE CONTINUOUS "
                + "QUERY cq3 ON db RESAMPLE FOR 90m BEGIN SELECT count(value) INTO db.rp2.m FROM db.autogen.cpu GROUP "
                + "BY time(30m) TZ('America/Chicago') END");
        assertThat(normalized("CREATE CONTINUOUS QUERY cq15 ON db BEGIN SELECT max(value) INTO \"my m\" FROM \"c p\" "
                + "GROUP BY time(1m) END")).isEqualTo("CREATE CONTINUOUS QUERY cq15 ON db BEGIN SELECT max(value) INTO "
                + "db.autogen.\"my m\" FROM db.autogen.\"c p\" GROUP BY time(1m) END");
    }

    @Test
    void missingDatabasesAndPoliciesAreOneXsErrors() {
        String tail = " BEGIN SELECT mean(value) INTO %s FROM %s GROUP BY time(1m) END";
        assertThatThrownBy(() -> normalized("CREATE CONTINUOUS QUERY c ON nodb" + tail.formatted("m", "cpu")))
                .hasMessage("database not found: nodb");
        assertThatThrownBy(() -> normalized("CREATE CONTINUOUS QUERY c ON db" + tail.formatted("nodb.rp.m", "cpu")))
                .hasMessage("database not found: nodb");
        assertThatThrownBy(() -> normalized("CREATE CONTINUOUS QUERY c ON db" + tail.formatted("norp.m", "cpu")))
                .hasMessage("retention policy not found: db.norp");
        assertThatThrownBy(() -> normalized("CREATE CONTINUOUS QUERY c ON db" + tail.formatted("m", "norp.cpu")))
                .hasMessage("retention policy not found: db.norp");
        assertThatThrownBy(() -> normalized("CREATE CONTINUOUS QUERY c ON db" + tail.formatted("other.m", "cpu")))
                .hasMessage("retention policy not found: db.other");
        assertThatThrownBy(() -> normalized("CREATE CONTINUOUS QUERY c ON db"
                + tail.formatted("m", "other.autogen.cpu"))).hasMessage("database not found: other");
    }

    @Test
    void showListsEveryDatabaseWithItsQueriesInCreationOrder() {
        String q1 = "CREATE CONTINUOUS QUERY cq1 ON db BEGIN SELECT mean(value) INTO db.autogen.m FROM db.autogen.cpu "
                + "WHERE time > now() - 1h GROUP BY time(1m) END";
        String q2 = "CREATE CONTINUOUS QUERY \"cq 2\" ON db BEGIN SELECT max(value) INTO db.autogen.m FROM "
                + "db.autogen.cpu GROUP BY time(1m) END";
        DatabaseInfo db = VIEW.database("db").orElseThrow().withContinuousQuery(new ContinuousQueryInfo("cq1", q1, 0))
                .withContinuousQuery(new ContinuousQueryInfo("cq 2", q2, 5));
        ClusterMetadata m = VIEW.withDatabase(db).withDatabase(DatabaseInfo.empty("empty"));
        String json = JsonFormatter.response(List.of(Result.of(0, ContinuousQueryStatements.show(m))),
                EpochFormat.RFC3339, false).stripTrailing();
        assertThat(json).isEqualTo("{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"db\",\"columns\":["
                + "\"name\",\"query\"],\"values\":[[\"cq1\",\"CREATE CONTINUOUS QUERY cq1 ON db BEGIN SELECT "
                + "mean(value) INTO db.autogen.m FROM db.autogen.cpu WHERE time \\u003e now() - 1h GROUP BY time(1m) "
                + "END\"],[\"cq 2\",\"CREATE CONTINUOUS QUERY \\\"cq 2\\\" ON db BEGIN SELECT max(value) INTO "
                + "db.autogen.m FROM db.autogen.cpu GROUP BY time(1m) END\"]]},{\"name\":\"empty\",\"columns\":["
                + "\"name\",\"query\"]}]}]}");
    }
}
