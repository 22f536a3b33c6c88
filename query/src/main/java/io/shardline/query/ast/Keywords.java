package io.shardline.query.ast;

import java.util.Locale;
import java.util.Set;

/** The InfluxQL 1.x reserved words (an identifier spelled like one must be double-quoted). Stateless. */
public final class Keywords {

    /** Keywords in 1.x token order. */
    public static final Set<String> ALL = Set.of(
            "ALL", "ALTER", "ANALYZE", "ANY", "AS", "ASC", "BEGIN", "BY", "CARDINALITY", "CREATE", "CONTINUOUS",
            "DATABASE", "DATABASES", "DEFAULT", "DELETE", "DESC", "DESTINATIONS", "DIAGNOSTICS", "DISTINCT",
            "DROP", "DURATION", "END", "EVERY", "EXACT", "EXPLAIN", "FIELD", "FOR", "FROM", "GRANT", "GRANTS",
            "GROUP", "GROUPS", "INF", "INSERT", "INTO", "KEY", "KEYS", "KILL", "LIMIT", "MEASUREMENT",
            "MEASUREMENTS", "NAME", "OFFSET", "ON", "ORDER", "PASSWORD", "POLICY", "POLICIES", "PRIVILEGES",
            "QUERIES", "QUERY", "READ", "REPLICATION", "RESAMPLE", "RETENTION", "REVOKE", "SELECT", "SERIES",
            "SET", "SHOW", "SHARD", "SHARDS", "SLIMIT", "SOFFSET", "STATS", "SUBSCRIPTION", "SUBSCRIPTIONS",
            "TAG", "TO", "USER", "USERS", "VALUES", "WHERE", "WITH", "WRITE",
            "AND", "OR", "IN", "TRUE", "FALSE");

    private Keywords() {
    }

    /** Whether {@code word} (any case) is reserved. */
    public static boolean isKeyword(String word) {
        return ALL.contains(word.toUpperCase(Locale.ROOT));
    }
}
