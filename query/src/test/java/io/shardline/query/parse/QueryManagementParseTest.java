package io.shardline.query.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.query.ast.KillQueryStatement;
import io.shardline.query.ast.ShowQueriesStatement;
import io.shardline.query.ast.Statement;
import org.junit.jupiter.api.Test;

/** SHOW QUERIES and KILL QUERY: parsed, printed and refused as 1.x's influxql does. */
class QueryManagementParseTest {

    private static Statement parse(String q) {
        return InfluxQLParser.parseQuery(q).statements().get(0);
    }

    @Test
    void parsesAndPrintsLike1x() {
        assertThat(parse("show queries")).isEqualTo(new ShowQueriesStatement());
        assertThat(parse("show queries").toString()).isEqualTo("SHOW QUERIES");
        assertThat(parse("show queries").isReadOnly()).isTrue();
        assertThat(parse("KILL QUERY 4")).isEqualTo(new KillQueryStatement(4, ""));
        assertThat(parse("kill query 4 on \"host:8088\"")).isEqualTo(new KillQueryStatement(4, "host:8088"));
        assertThat(parse("KILL QUERY 4 ON \"host:8088\"").toString()).isEqualTo("KILL QUERY 4 ON \"host:8088\"");
        assertThat(parse("KILL QUERY 4 ON localhost").toString()).isEqualTo("KILL QUERY 4 ON localhost");
        assertThat(parse("KILL QUERY 18446744073709551615").toString()).isEqualTo("KILL QUERY 18446744073709551615");
        assertThat(parse("KILL QUERY 4").isReadOnly()).isFalse();
        Statement printed = parse("KILL QUERY 7 ON \"a b\"");
        assertThat(parse(printed.toString())).isEqualTo(printed);
    }

    @Test
    void errorsMatch1x() {
        assertThatThrownBy(() -> parse("KILL")).hasMessage("found EOF, expected QUERY at line 1, char 6");
        assertThatThrownBy(() -> parse("KILL QUERY")).hasMessage("found EOF, expected integer at line 1, char 12");
        assertThatThrownBy(() -> parse("KILL QUERY 10s")).hasMessage("found 10s, expected integer at line 1, char 12");
        assertThatThrownBy(() -> parse("KILL QUERY 4 ON"))
                .hasMessage("found EOF, expected identifier at line 1, char 17");
        assertThatThrownBy(() -> parse("KILL QUERY 18446744073709551616")).hasMessage(
                "strconv.ParseUint: parsing \"18446744073709551616\": value out of range at line 1, char 12");
    }
}
