package io.shardline.query.auth;

import io.shardline.common.auth.Privilege;
import io.shardline.query.ast.CreateContinuousQueryStatement;
import io.shardline.query.ast.DeleteSeriesStatement;
import io.shardline.query.ast.DropContinuousQueryStatement;
import io.shardline.query.ast.DropRetentionPolicyStatement;
import io.shardline.query.ast.DropSeriesStatement;
import io.shardline.query.ast.ExplainStatement;
import io.shardline.query.ast.Measurement;
import io.shardline.query.ast.SelectStatement;
import io.shardline.query.ast.ShowContinuousQueriesStatement;
import io.shardline.query.ast.ShowDatabasesStatement;
import io.shardline.query.ast.ShowCardinalityStatement;
import io.shardline.query.ast.ShowFieldKeysStatement;
import io.shardline.query.ast.ShowMeasurementsStatement;
import io.shardline.query.ast.ShowQueriesStatement;
import io.shardline.query.ast.ShowRetentionPoliciesStatement;
import io.shardline.query.ast.ShowSeriesStatement;
import io.shardline.query.ast.ShowTagKeysStatement;
import io.shardline.query.ast.ShowTagValuesStatement;
import io.shardline.query.ast.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Which privileges each statement class needs, as 1.x's {@code RequiredPrivileges()} (influxql
 * {@code ast.go}):
 *
 * <table>
 *   <tr><th>statement</th><th>needs</th></tr>
 *   <tr><td>SELECT</td><td>READ on the database of every source, and WRITE on the INTO target's database</td></tr>
 *   <tr><td>SHOW DATABASES</td><td>nothing (the list is filtered by READ or WRITE)</td></tr>
 *   <tr><td>SHOW RETENTION POLICIES, MEASUREMENTS, SERIES, TAG KEYS, TAG VALUES, FIELD KEYS, the CARDINALITY statements</td>
 *       <td>READ on the statement's database</td></tr>
 *   <tr><td>SHOW QUERIES, SHOW CONTINUOUS QUERIES</td><td>READ on the query's database</td></tr>
 *   <tr><td>CREATE CONTINUOUS QUERY</td><td>READ on its database, and WRITE on the INTO target's database
 *       when it names one</td></tr>
 *   <tr><td>DROP CONTINUOUS QUERY</td><td>WRITE on its database</td></tr>
 *   <tr><td>DROP RETENTION POLICY</td><td>WRITE on its database</td></tr>
 *   <tr><td>DELETE, DROP SERIES</td><td>WRITE on the query's database</td></tr>
 *   <tr><td>everything else: CREATE/DROP DATABASE, CREATE/ALTER RETENTION POLICY, DROP MEASUREMENT,
 *       SHOW SHARDS, SHOW SHARD GROUPS, KILL QUERY, SHOW STATS, SHOW DIAGNOSTICS, the user and privilege statements</td><td>admin</td></tr>
 * </table>
 *
 * A statement class added later without a rule here needs admin, so nothing is ever open by omission.
 * Stateless.
 */
public final class RequiredPrivileges {

    private RequiredPrivileges() {
    }

    public static List<RequiredPrivilege> of(Statement s) {
        if (s instanceof SelectStatement select) {
            List<RequiredPrivilege> out = reads(select.sources());
            if (select.into() != null) {
                out.add(RequiredPrivilege.on(select.into().database(), Privilege.WRITE));
            }
            return out;
        } else if (s instanceof ExplainStatement explain) {
            return reads(explain.statement().sources());
        } else if (s instanceof ShowDatabasesStatement) {
            return List.of(RequiredPrivilege.on("", Privilege.NO_PRIVILEGES));
        } else if (s instanceof ShowRetentionPoliciesStatement r) {
            return read(r.database());
        } else if (s instanceof ShowMeasurementsStatement m) {
            return read(m.database());
        } else if (s instanceof ShowSeriesStatement m) {
            return read(m.database());
        } else if (s instanceof ShowTagKeysStatement m) {
            return read(m.database());
        } else if (s instanceof ShowTagValuesStatement m) {
            return read(m.database());
        } else if (s instanceof ShowFieldKeysStatement m) {
            return read(m.database());
        } else if (s instanceof ShowCardinalityStatement m) {
            return read(m.database());
        } else if (s instanceof ShowQueriesStatement) {
            return read("");
        } else if (s instanceof DropRetentionPolicyStatement d) {
            return List.of(RequiredPrivilege.on(d.database(), Privilege.WRITE));
        } else if (s instanceof CreateContinuousQueryStatement c) {
            List<RequiredPrivilege> out = new ArrayList<>(read(c.database()));
            if (!c.source().into().database().isEmpty()) {
                out.add(RequiredPrivilege.on(c.source().into().database(), Privilege.WRITE));
            }
            return out;
        } else if (s instanceof DropContinuousQueryStatement d) {
            return List.of(RequiredPrivilege.on(d.database(), Privilege.WRITE));
        } else if (s instanceof ShowContinuousQueriesStatement) {
            return read("");
        } else if (s instanceof DeleteSeriesStatement || s instanceof DropSeriesStatement) {
            return List.of(RequiredPrivilege.on("", Privilege.WRITE));
        }
        return List.of(RequiredPrivilege.adminOnly());
    }

    private static List<RequiredPrivilege> read(String database) {
        return List.of(RequiredPrivilege.on(database, Privilege.READ));
    }

    private static List<RequiredPrivilege> reads(List<Measurement> sources) {
        List<RequiredPrivilege> out = new ArrayList<>();
        for (Measurement m : sources) {
            if (m.isSubquery()) {
                out.addAll(reads(m.subquery().sources()));
            } else {
                out.add(RequiredPrivilege.on(m.database(), Privilege.READ));
            }
        }
        return out;
    }
}
