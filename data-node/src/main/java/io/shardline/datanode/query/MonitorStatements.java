package io.shardline.datanode.query;

import io.shardline.common.stats.Diagnostic;
import io.shardline.common.stats.StatSnapshot;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.query.ast.ShowDiagnosticsStatement;
import io.shardline.query.ast.ShowStatsStatement;
import io.shardline.query.ast.Statement;
import io.shardline.query.result.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code SHOW STATS [FOR 'module']} and {@code SHOW DIAGNOSTICS [FOR 'module']}, answered from
 * this node's registry as 1.x does (node-local, also in Enterprise): one series per statistic
 * (name = module, its tags, columns = value names in order, one row), and one series per
 * diagnostics module sorted by name. An unknown module gives an empty result, as in 1.x. Every
 * other statement goes to {@code next}. Thread-safe.
 */
public final class MonitorStatements implements StatementExecutor {

    private final StatsRegistry stats;
    private final StatementExecutor next;

    public MonitorStatements(StatsRegistry stats, StatementExecutor next) {
        this.stats = stats;
        this.next = next;
    }

    @Override
    public List<Series> execute(Statement statement, QueryContext context) {
        if (statement instanceof ShowStatsStatement s) {
            return showStats(s.module());
        }
        if (statement instanceof ShowDiagnosticsStatement d) {
            return showDiagnostics(d.module());
        }
        return next.execute(statement, context);
    }

    private List<Series> showStats(String module) {
        List<Series> out = new ArrayList<>();
        for (StatSnapshot s : module.isEmpty() ? stats.snapshot() : stats.snapshot(module)) {
            out.add(Series.of(s.name(), s.tags(), new ArrayList<>(s.values().keySet()),
                    List.of(new ArrayList<>(s.values().values()))));
        }
        return out;
    }

    private List<Series> showDiagnostics(String module) {
        List<Series> out = new ArrayList<>();
        for (Map.Entry<String, Diagnostic> e : stats.diagnostics().entrySet()) {
            if (module.isEmpty() || module.equals(e.getKey())) {
                out.add(Series.of(e.getKey(), Map.of(), e.getValue().columns(), e.getValue().rows()));
            }
        }
        return out;
    }
}
