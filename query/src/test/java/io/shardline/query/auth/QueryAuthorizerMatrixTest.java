package io.shardline.query.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.auth.Principal;
import io.shardline.common.auth.Privilege;
import io.shardline.query.ast.Query;
import io.shardline.query.ast.Statement;
import io.shardline.query.parse.InfluxQLParser;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every statement class × admin / READ / WRITE / ALL / no privilege / no user, against 1.x's rules
 * (influxql {@code RequiredPrivileges}, {@code meta.QueryAuthorizer}); the query's {@code db} is
 * {@code db}. Expected: "ok", "admin" (requires admin privilege) or the privilege text required.
 */
class QueryAuthorizerMatrixTest {

    record User(String name, boolean admin, Map<String, Privilege> privileges) implements Principal {
        @Override
        public boolean authorizeDatabase(Privilege wanted, String database) {
            return admin || wanted == Privilege.NO_PRIVILEGES
                    || (privileges.containsKey(database) && privileges.get(database).grants(wanted));
        }
    }

    private static final Map<String, User> USERS = new LinkedHashMap<>();

    static {
        USERS.put("admin", new User("root", true, Map.of()));
        USERS.put("read", new User("bob", false, Map.of("db", Privilege.READ)));
        USERS.put("write", new User("bob", false, Map.of("db", Privilege.WRITE)));
        USERS.put("all", new User("bob", false, Map.of("db", Privilege.ALL)));
        USERS.put("none", new User("bob", false, Map.of("db", Privilege.NO_PRIVILEGES)));
    }

    /** statement, then the outcome for admin, read, write, all, none. */
    static Stream<Arguments> matrix() {
        return Stream.of(
                row("SELECT v FROM m", "ok", "ok", "READ", "ok", "READ"),
                row("SELECT v FROM other..m", "ok", "READ other", "READ other", "READ other", "READ other"),
                row("SELECT v INTO x FROM m", "ok", "WRITE", "READ", "ok", "READ"),
                row("SELECT v INTO other..x FROM m", "ok", "WRITE other", "READ", "WRITE other", "READ"),
                row("EXPLAIN ANALYZE SELECT v FROM m", "ok", "ok", "READ", "ok", "READ"),
                row("SELECT v FROM (SELECT v FROM other..m)", "ok", "READ other", "READ other", "READ other",
                        "READ other"),
                row("SHOW DATABASES", "ok", "ok", "ok", "ok", "ok"),
                row("CREATE CONTINUOUS QUERY c ON db BEGIN SELECT mean(v) INTO x FROM m GROUP BY time(1m) END",
                        "ok", "ok", "READ", "ok", "READ"),
                row("CREATE CONTINUOUS QUERY c ON db BEGIN SELECT mean(v) INTO other.rp.x FROM m GROUP BY time(1m) END",
                        "ok", "WRITE other", "READ", "WRITE other", "READ"),
                row("CREATE CONTINUOUS QUERY c ON other BEGIN SELECT mean(v) INTO x FROM m GROUP BY time(1m) END",
                        "ok", "READ other", "READ other", "READ other", "READ other"),
                row("DROP CONTINUOUS QUERY c ON db", "ok", "WRITE", "ok", "ok", "WRITE"),
                row("SHOW CONTINUOUS QUERIES", "ok", "ok", "READ", "ok", "READ"),
                row("SHOW RETENTION POLICIES ON db", "ok", "ok", "READ", "ok", "READ"),
                row("SHOW MEASUREMENTS", "ok", "ok", "READ", "ok", "READ"),
                row("SHOW SERIES", "ok", "ok", "READ", "ok", "READ"),
                row("SHOW TAG KEYS", "ok", "ok", "READ", "ok", "READ"),
                row("SHOW TAG VALUES WITH KEY = host", "ok", "ok", "READ", "ok", "READ"),
                row("SHOW FIELD KEYS", "ok", "ok", "READ", "ok", "READ"),
                row("SHOW SERIES EXACT CARDINALITY", "ok", "ok", "READ", "ok", "READ"),
                row("SHOW SHARDS", "ok", "admin", "admin", "admin", "admin"),
                row("SHOW SHARD GROUPS", "ok", "admin", "admin", "admin", "admin"),
                row("CREATE DATABASE x", "ok", "admin", "admin", "admin", "admin"),
                row("DROP DATABASE db", "ok", "admin", "admin", "admin", "admin"),
                row("CREATE RETENTION POLICY rp ON db DURATION 1h REPLICATION 1", "ok", "admin", "admin", "admin",
                        "admin"),
                row("ALTER RETENTION POLICY rp ON db DEFAULT", "ok", "admin", "admin", "admin", "admin"),
                row("DROP RETENTION POLICY rp ON db", "ok", "WRITE", "ok", "ok", "WRITE"),
                row("DROP MEASUREMENT m", "ok", "admin", "admin", "admin", "admin"),
                row("DROP SERIES FROM m", "ok", "WRITE", "ok", "ok", "WRITE"),
                row("DELETE FROM m", "ok", "WRITE", "ok", "ok", "WRITE"),
                row("CREATE USER u WITH PASSWORD 'p'", "ok", "admin", "admin", "admin", "admin"),
                row("DROP USER u", "ok", "admin", "admin", "admin", "admin"),
                row("SET PASSWORD FOR u = 'p'", "ok", "admin", "admin", "admin", "admin"),
                row("GRANT READ ON db TO u", "ok", "admin", "admin", "admin", "admin"),
                row("GRANT ALL PRIVILEGES TO u", "ok", "admin", "admin", "admin", "admin"),
                row("REVOKE READ ON db FROM u", "ok", "admin", "admin", "admin", "admin"),
                row("REVOKE ALL PRIVILEGES FROM u", "ok", "admin", "admin", "admin", "admin"),
                row("SHOW USERS", "ok", "admin", "admin", "admin", "admin"),
                row("SHOW GRANTS FOR u", "ok", "admin", "admin", "admin", "admin"),
                row("SHOW QUERIES", "ok", "ok", "READ", "ok", "READ"),
                row("KILL QUERY 1", "ok", "admin", "admin", "admin", "admin"),
                row("SHOW STATS", "ok", "admin", "admin", "admin", "admin"),
                row("SHOW DIAGNOSTICS", "ok", "admin", "admin", "admin", "admin"));
    }

    private static Arguments row(String q, String... outcomes) {
        return Arguments.of(q, List.of(outcomes));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everyRoleGetsOneXsAnswer(String text, List<String> outcomes) {
        Query query = InfluxQLParser.parseQuery(text);
        String stmt = query.statements().get(0).toString();
        int i = 0;
        for (Map.Entry<String, User> role : USERS.entrySet()) {
            String expected = outcomes.get(i++);
            Optional<String> refusal = QueryAuthorizer.refusal(Optional.of(role.getValue()), 2, query, "db");
            String name = role.getValue().name();
            switch (expected) {
                case "ok" -> assertThat(refusal).as(role.getKey()).isEmpty();
                case "admin" -> assertThat(refusal).as(role.getKey()).contains(name
                        + " not authorized to execute statement '" + stmt + "', requires admin privilege");
                default -> {
                    String[] parts = expected.split(" ");
                    String db = parts.length > 1 ? parts[1] : "db";
                    assertThat(refusal).as(role.getKey()).contains(name + " not authorized to execute statement '"
                            + stmt + "', requires " + Privilege.valueOf(parts[0]).text() + " on " + db);
                }
            }
        }
        // no user while users exist
        assertThat(QueryAuthorizer.refusal(Optional.empty(), 2, query, "db")).contains("no user provided");
        // no user at all in the cluster: only creating an admin is allowed
        assertThat(QueryAuthorizer.refusal(Optional.empty(), 0, query, "db"))
                .contains("create admin user first or disable authentication");
    }

    @Test
    void bootstrapAllowsOnlyAFirstStatementThatCreatesAnAdmin() {
        assertThat(QueryAuthorizer.refusal(Optional.empty(), 0,
                InfluxQLParser.parseQuery("CREATE USER a WITH PASSWORD 'p' WITH ALL PRIVILEGES; SHOW USERS"), ""))
                .isEmpty();
        assertThat(QueryAuthorizer.refusal(Optional.empty(), 0,
                InfluxQLParser.parseQuery("SHOW USERS; CREATE USER a WITH PASSWORD 'p' WITH ALL PRIVILEGES"), ""))
                .contains(QueryAuthorizer.CREATE_ADMIN_FIRST);
        assertThat(QueryAuthorizer.refusal(Optional.empty(), 0,
                InfluxQLParser.parseQuery("CREATE USER a WITH PASSWORD 'p'"), "")).contains(QueryAuthorizer.CREATE_ADMIN_FIRST);
    }

    @Test
    void theFirstStatementNotAllowedIsNamed() {
        User reader = USERS.get("read");
        Query q = InfluxQLParser.parseQuery("SELECT * FROM m; CREATE DATABASE x");
        assertThat(QueryAuthorizer.refusal(Optional.of(reader), 1, q, "db"))
                .contains("bob not authorized to execute statement 'CREATE DATABASE x', requires admin privilege");
        assertThat(QueryAuthorizer.refusal(Optional.of(reader), 1, InfluxQLParser.parseQuery("SELECT * FROM m"), "db1"))
                .contains("bob not authorized to execute statement 'SELECT * FROM m', requires READ on db1");
    }

    @Test
    void theMatrixCoversEveryStatementClass() {
        Set<Class<?>> covered = matrix().map(a -> InfluxQLParser.parseStatement((String) a.get()[0]).getClass())
                .collect(Collectors.toSet());
        assertThat(covered).containsAll(Arrays.asList(Statement.class.getPermittedSubclasses()));
    }
}
