package io.shardline.datanode.query;

import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardLocation;
import io.shardline.query.ast.Measurement;
import io.shardline.query.ast.ShowCardinalityStatement;
import io.shardline.query.ast.ShowFieldKeysStatement;
import io.shardline.query.ast.ShowMeasurementsStatement;
import io.shardline.query.ast.ShowSeriesStatement;
import io.shardline.query.ast.ShowTagKeysStatement;
import io.shardline.query.ast.ShowTagValuesStatement;
import io.shardline.query.ast.Statement;
import io.shardline.query.exec.CardinalityExecutor;
import io.shardline.query.exec.ShowExecutor;
import io.shardline.query.result.Series;
import io.shardline.query.value.TimeBounds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * {@code SHOW MEASUREMENTS / SERIES / TAG KEYS / TAG VALUES / FIELD KEYS}: the database's schema across all its
 * shards ({@link ClusterSchema}: one owner per shard, partial answers while a node is unreachable), shaped by
 * {@link ShowExecutor}. Thread-safe.
 */
final class ShowStatements {

    private final Supplier<ClusterMetadata> metadata;
    private final Replicas replicas;
    private final Executor executor;

    ShowStatements(Supplier<ClusterMetadata> metadata, Replicas replicas, Executor executor) {
        this.metadata = metadata;
        this.replicas = replicas;
        this.executor = executor;
    }

    static boolean handles(Statement s) {
        return s instanceof ShowMeasurementsStatement || s instanceof ShowSeriesStatement
                || s instanceof ShowTagKeysStatement || s instanceof ShowTagValuesStatement
                || s instanceof ShowFieldKeysStatement || s instanceof ShowCardinalityStatement;
    }

    List<Series> execute(Statement s, QueryContext context) {
        ClusterMetadata meta = metadata.get();
        QueryScopes.checkNode(meta, context.onlyNode());
        String name = database(s, context);
        if (!name.isEmpty() && meta.database(name).isEmpty()) {
            // 1.x lists no measurements and estimates 0 for a database that does not exist instead of failing.
            if (s instanceof ShowMeasurementsStatement) {
                return List.of();
            } else if (s instanceof ShowCardinalityStatement c && c.isEstimate()) {
                return CardinalityExecutor.estimate(0);
            }
        }
        DatabaseInfo db = QueryScopes.database(meta, name);
        List<ShardLocation> shards = readsPolicies(s)
                ? policyShards(db, sources(s), context.onlyNode())
                : QueryScopes.shards(db, TimeBounds.MIN_TIME, TimeBounds.MAX_TIME, context.onlyNode());
        ClusterSchema schema = new ClusterSchema(shards, context.onlyNode(), replicas, executor);
        if (s instanceof ShowMeasurementsStatement m) {
            return ShowExecutor.measurements(m, schema);
        } else if (s instanceof ShowSeriesStatement m) {
            return ShowExecutor.series(m, schema);
        } else if (s instanceof ShowTagKeysStatement m) {
            return ShowExecutor.tagKeys(m, schema);
        } else if (s instanceof ShowTagValuesStatement m) {
            return ShowExecutor.tagValues(m, schema);
        } else if (s instanceof ShowCardinalityStatement m) {
            return CardinalityExecutor.execute(m, schema, context.nowNanos());
        }
        return ShowExecutor.fieldKeys((ShowFieldKeysStatement) s, schema);
    }

    /**
     * Whether 1.x answers the statement from the shards of its sources' retention policies (the default one when a
     * source names none) rather than from the database's index: SHOW FIELD KEYS and every CARDINALITY statement
     * but the two plain estimates, which 1.x rewrites into SELECTs over system sources (checked on 1.6.7: a
     * measurement written only into another policy is missing from their answers, not from SHOW MEASUREMENTS).
     */
    private static boolean readsPolicies(Statement s) {
        return s instanceof ShowFieldKeysStatement || s instanceof ShowCardinalityStatement c && !c.isEstimate();
    }

    private static List<Measurement> sources(Statement s) {
        return s instanceof ShowFieldKeysStatement f ? f.sources() : ((ShowCardinalityStatement) s).sources();
    }

    /** The shards of the policies {@code sources} name, the default policy standing for a source naming none. */
    private static List<ShardLocation> policyShards(DatabaseInfo db, List<Measurement> sources, long onlyNode) {
        Set<String> names = new TreeSet<>();
        if (sources == null || sources.isEmpty()) {
            names.add("");
        } else {
            for (Measurement m : sources) {
                names.add(m.retentionPolicy() == null ? "" : m.retentionPolicy());
            }
        }
        List<ShardLocation> out = new ArrayList<>();
        for (String name : names) {
            Optional<RetentionPolicyInfo> rp = name.isEmpty() ? db.defaultRetentionPolicy() : db.retentionPolicy(name);
            rp.ifPresent(policy -> out.addAll(QueryScopes.shards(db.name(), policy, TimeBounds.MIN_TIME,
                    TimeBounds.MAX_TIME, onlyNode)));
        }
        return out;
    }

    private static String database(Statement s, QueryContext context) {
        String on = "";
        if (s instanceof ShowMeasurementsStatement m) {
            on = m.database();
        } else if (s instanceof ShowSeriesStatement m) {
            on = m.database();
        } else if (s instanceof ShowTagKeysStatement m) {
            on = m.database();
        } else if (s instanceof ShowTagValuesStatement m) {
            on = m.database();
        } else if (s instanceof ShowFieldKeysStatement m) {
            on = m.database();
        } else if (s instanceof ShowCardinalityStatement m) {
            on = m.database();
        }
        return on == null || on.isEmpty() ? context.database() : on;
    }
}
