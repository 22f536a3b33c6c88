package io.shardline.query.ast;

/** One InfluxQL statement of the supported subset. Immutable. */
public sealed interface Statement extends Node permits SelectStatement, ShowDatabasesStatement,
        ShowRetentionPoliciesStatement, ShowMeasurementsStatement, ShowSeriesStatement, ShowTagKeysStatement,
        ShowTagValuesStatement, ShowFieldKeysStatement, ShowShardsStatement, ShowShardGroupsStatement,
        CreateDatabaseStatement, DropDatabaseStatement, CreateRetentionPolicyStatement,
        AlterRetentionPolicyStatement, DropRetentionPolicyStatement, DropMeasurementStatement,
        DropSeriesStatement, DeleteSeriesStatement, ShowQueriesStatement, KillQueryStatement,
        CreateUserStatement, DropUserStatement, SetPasswordUserStatement, GrantStatement, GrantAdminStatement,
        RevokeStatement, RevokeAdminStatement, ShowUsersStatement, ShowGrantsForUserStatement,
        ShowStatsStatement, ShowDiagnosticsStatement, CreateContinuousQueryStatement, DropContinuousQueryStatement,
        ShowContinuousQueriesStatement, ShowCardinalityStatement, ExplainStatement {

    /**
     * Whether 1.x treats the statement as a read (SELECT without INTO, and SHOW); the others carry the read-only warning
     * when sent with GET.
     */
    default boolean isReadOnly() {
        return this instanceof SelectStatement s && s.into() == null || this instanceof ShowDatabasesStatement
                || this instanceof ShowRetentionPoliciesStatement || this instanceof ShowMeasurementsStatement
                || this instanceof ShowSeriesStatement || this instanceof ShowTagKeysStatement
                || this instanceof ShowTagValuesStatement || this instanceof ShowFieldKeysStatement
                || this instanceof ShowShardsStatement || this instanceof ShowShardGroupsStatement
                || this instanceof ShowQueriesStatement
                || this instanceof ShowUsersStatement || this instanceof ShowGrantsForUserStatement
                || this instanceof ShowStatsStatement || this instanceof ShowDiagnosticsStatement
                || this instanceof ShowContinuousQueriesStatement
                || this instanceof ShowCardinalityStatement || this instanceof ExplainStatement;
    }
}
