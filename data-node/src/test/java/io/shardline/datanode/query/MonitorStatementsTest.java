package io.shardline.datanode.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.stats.Diagnostic;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.query.ast.ShowDatabasesStatement;
import io.shardline.query.parse.InfluxQLParser;
import io.shardline.query.result.Series;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitorStatementsTest {

    private final StatsRegistry registry = new StatsRegistry();
    private final MonitorStatements statements = new MonitorStatements(registry,
            (s, c) -> List.of(Series.of("databases", Map.of(), List.of("name"), List.of())));
    private final QueryContext context = new QueryContext(null, null, 0, 0);

    @Test
    void showStatsListsEveryStatisticOrOneModule() {
        registry.statistic("hh").add("writeShardReq", 3);
        registry.statistic("httpd", Map.of("bind", ":8086")).add("req", 2);
        registry.statistic("httpd", Map.of("bind", ":8086")).gauge("reqActive", () -> 1);
        assertThat(run("SHOW STATS")).extracting(Series::name).containsExactly("hh", "httpd");
        List<Series> httpd = run("SHOW STATS FOR 'httpd'");
        assertThat(httpd).singleElement().satisfies(s -> {
            assertThat(s.tags()).containsEntry("bind", ":8086");
            assertThat(s.columns()).containsExactly("req", "reqActive");
            assertThat(s.values()).containsExactly(List.of(2L, 1L));
        });
        assertThat(run("SHOW STATS FOR 'nothing'")).isEmpty();
    }

    @Test
    void showDiagnosticsListsModulesByName() {
        registry.diagnostic("system", () -> Diagnostic.ofMap(Map.of("PID", 1L)));
        registry.diagnostic("build", () -> Diagnostic.ofRow(List.of("Version"), List.of("1.8.10")));
        assertThat(run("SHOW DIAGNOSTICS")).extracting(Series::name).containsExactly("build", "system");
        assertThat(run("SHOW DIAGNOSTICS FOR 'build'")).singleElement()
                .satisfies(s -> assertThat(s.values()).containsExactly(List.of("1.8.10")));
        assertThat(run("SHOW DIAGNOSTICS FOR 'x'")).isEmpty();
        assertThat(statements.execute(new ShowDatabasesStatement(), context)).extracting(Series::name)
                .containsExactly("databases");
    }

    private List<Series> run(String q) {
        return statements.execute(InfluxQLParser.parseQuery(q).statements().get(0), context);
    }
}
