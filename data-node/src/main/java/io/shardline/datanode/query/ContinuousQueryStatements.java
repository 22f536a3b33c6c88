package io.shardline.datanode.query;

import io.shardline.common.error.ShardlineException;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.ContinuousQueryInfo;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.query.ast.CreateContinuousQueryStatement;
import io.shardline.query.ast.DropContinuousQueryStatement;
import io.shardline.query.ast.Measurement;
import io.shardline.query.ast.SelectStatement;
import io.shardline.query.ast.ShowContinuousQueriesStatement;
import io.shardline.query.ast.Statement;
import io.shardline.query.result.Series;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CREATE / DROP CONTINUOUS QUERY} (through the meta nodes) and {@code SHOW CONTINUOUS QUERIES} (from the
 * view), as 1.x: the stored text is the statement after normalisation (every source and the target carry their
 * database and retention policy), and every policy it names must exist. A {@code tz()} other than UTC, which
 * the query layer cannot run yet, is refused at CREATE with the error a SELECT gets. Thread-safe.
 */
final class ContinuousQueryStatements {

    private final MetaStatements.Meta meta;

    ContinuousQueryStatements(MetaStatements.Meta meta) {
        this.meta = meta;
    }

    static boolean handles(Statement s) {
        return s instanceof CreateContinuousQueryStatement || s instanceof DropContinuousQueryStatement
                || s instanceof ShowContinuousQueriesStatement;
    }

    List<Series> execute(Statement s, QueryContext context) {
        if (s instanceof CreateContinuousQueryStatement c) {
            CreateContinuousQueryStatement normalized = normalize(c, meta.view(), context.retentionPolicy());
            meta.changes().createContinuousQuery(c.database(), c.name(), normalized.toString());
        } else if (s instanceof DropContinuousQueryStatement d) {
            meta.changes().dropContinuousQuery(d.database(), d.name());
        } else {
            return show(meta.view());
        }
        meta.refresh();
        return List.of();
    }

    /** SHOW CONTINUOUS QUERIES: one series per database (also those without queries), queries in creation order. */
    static List<Series> show(ClusterMetadata view) {
        List<Series> out = new ArrayList<>();
        for (DatabaseInfo db : view.databases().values()) {
            List<List<Object>> rows = new ArrayList<>();
            for (ContinuousQueryInfo q : db.continuousQueries()) {
                rows.add(List.of(q.name(), q.query()));
            }
            out.add(Series.of(db.name(), null, List.of("name", "query"), rows));
        }
        return out;
    }

    /**
     * 1.x's {@code NormalizeStatement} with the query's database as default, then the check that every named
     * policy exists ({@code retention policy not found: db.rp}); target first, then the sources, as 1.x walks.
     */
    static CreateContinuousQueryStatement normalize(CreateContinuousQueryStatement c, ClusterMetadata view,
            String defaultPolicy) {
        SelectStatement select = c.source();
        Measurement into = qualify(select.into(), c.database(), defaultPolicy, view);
        List<Measurement> sources = new ArrayList<>();
        for (Measurement m : select.sources()) {
            sources.add(qualify(m, c.database(), defaultPolicy, view));
        }
        for (Measurement m : concat(into, sources)) {
            if (view.retentionPolicy(m.database(), m.retentionPolicy()).isEmpty()) {
                throw ShardlineException.notFound("retention policy not found: " + m.database() + "."
                        + m.retentionPolicy());
            }
        }
        return c.withSource(select.withSources(sources).withInto(into));
    }

    private static List<Measurement> concat(Measurement first, List<Measurement> rest) {
        List<Measurement> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static Measurement qualify(Measurement m, String defaultDatabase, String defaultPolicy,
            ClusterMetadata view) {
        String db = m.database().isEmpty() ? defaultDatabase : m.database();
        DatabaseInfo info = QueryScopes.database(view, db);
        String rp = m.retentionPolicy();
        if (rp.isEmpty()) {
            rp = defaultPolicy != null && !defaultPolicy.isEmpty() ? defaultPolicy : info.defaultRetentionPolicyName();
            if (rp.isEmpty()) {
                throw ShardlineException.notFound("default retention policy not set for: " + db);
            }
        }
        return new Measurement(db, rp, m.name(), m.regex());
    }
}
