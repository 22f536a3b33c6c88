package io.shardline.query.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.auth.Privilege;
import io.shardline.query.ast.CreateUserStatement;
import io.shardline.query.ast.DropUserStatement;
import io.shardline.query.ast.GrantAdminStatement;
import io.shardline.query.ast.GrantStatement;
import io.shardline.query.ast.RevokeAdminStatement;
import io.shardline.query.ast.RevokeStatement;
import io.shardline.query.ast.SetPasswordUserStatement;
import io.shardline.query.ast.ShowGrantsForUserStatement;
import io.shardline.query.ast.ShowUsersStatement;
import io.shardline.query.ast.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** User and privilege statements: parse trees, 1.x's String() (passwords redacted) and exact parse errors. */
class UserStatementsParseTest {

    static Stream<Arguments> statements() {
        return Stream.of(
                a("CREATE USER bob WITH PASSWORD 'x'", new CreateUserStatement("bob", "x", false),
                        "CREATE USER bob WITH PASSWORD [REDACTED]"),
                a("create user \"my user\" with password 'p\\'w' with all privileges",
                        new CreateUserStatement("my user", "p'w", true),
                        "CREATE USER \"my user\" WITH PASSWORD [REDACTED] WITH ALL PRIVILEGES"),
                a("DROP USER bob", new DropUserStatement("bob"), "DROP USER bob"),
                a("SET PASSWORD FOR bob = 'secret'", new SetPasswordUserStatement("bob", "secret"),
                        "SET PASSWORD FOR bob = [REDACTED]"),
                a("GRANT READ ON db1 TO bob", new GrantStatement(Privilege.READ, "db1", "bob"),
                        "GRANT READ ON db1 TO bob"),
                a("GRANT ALL ON db2 TO bob", new GrantStatement(Privilege.ALL, "db2", "bob"),
                        "GRANT ALL PRIVILEGES ON db2 TO bob"),
                a("GRANT ALL PRIVILEGES TO bob", new GrantAdminStatement("bob"), "GRANT ALL PRIVILEGES TO bob"),
                a("GRANT ALL TO bob", new GrantAdminStatement("bob"), "GRANT ALL PRIVILEGES TO bob"),
                a("REVOKE WRITE ON db1 FROM bob", new RevokeStatement(Privilege.WRITE, "db1", "bob"),
                        "REVOKE WRITE ON db1 FROM bob"),
                a("REVOKE ALL PRIVILEGES FROM bob", new RevokeAdminStatement("bob"),
                        "REVOKE ALL PRIVILEGES FROM bob"),
                a("SHOW USERS", new ShowUsersStatement(), "SHOW USERS"),
                a("SHOW GRANTS FOR \"bob smith\"", new ShowGrantsForUserStatement("bob smith"),
                        "SHOW GRANTS FOR \"bob smith\""));
    }

    private static Arguments a(Object... values) {
        return Arguments.of(values);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void parsesAndRendersLikeOneX(String text, Statement expected, String rendered) {
        Statement parsed = InfluxQLParser.parseStatement(text);
        assertThat(parsed).isEqualTo(expected);
        assertThat(parsed.toString()).isEqualTo(rendered);
    }

    /** Errors as influxd 1.6.7 answered them, after {@code error parsing query: }. */
    static Stream<Arguments> errors() {
        return Stream.of(
                a("CREATE USER bob", "found EOF, expected WITH at line 1, char 17"),
                a("CREATE USER bob WITH PASSWORD x", "found x, expected string at line 1, char 31"),
                a("CREATE USER bob WITH PASSWORD 'x' WITH READ", "found READ, expected ALL at line 1, char 40"),
                a("GRANT FOO ON db1 TO bob", "found FOO, expected READ, WRITE, ALL [PRIVILEGES] at line 1, char 7"),
                a("GRANT READ TO bob", "found TO, expected ON at line 1, char 12"),
                a("GRANT ALL bob", "found bob, expected ON, TO at line 1, char 11"),
                a("GRANT READ ON db1 bob", "found bob, expected TO at line 1, char 19"),
                a("REVOKE ALL x", "found x, expected ON, FROM at line 1, char 12"),
                a("REVOKE READ ON db1 TO bob", "found TO, expected FROM at line 1, char 20"),
                a("SET PASSWORD FOR bob 'x'", "found x, expected = at line 1, char 21"),
                a("SET PASSWORD bob = 'x'", "found bob, expected FOR at line 1, char 14"),
                a("SHOW GRANTS bob", "found bob, expected FOR at line 1, char 13"),
                a("DROP USER", "found EOF, expected identifier at line 1, char 11"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void reportsTheExact1xError(String query, String expected) {
        assertThatThrownBy(() -> InfluxQLParser.parseQuery(query)).isInstanceOf(ParseException.class)
                .hasMessage(expected);
    }

    @Test
    void theRecordNeverPrintsThePassword() {
        assertThat(InfluxQLParser.parseStatement("CREATE USER a WITH PASSWORD 'hunter2'").toString())
                .doesNotContain("hunter2");
    }
}
