package io.shardline.query.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.shardline.query.ast.Query;
import io.shardline.query.ast.Statement;
import io.shardline.query.parse.InfluxQLParser;
import io.shardline.query.parse.ParseException;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer target for the InfluxQL parser: any text either parses or fails with {@link ParseException} (nothing
 * else may escape), and every statement it accepts prints (1.x's {@code String()}) to text that parses back to
 * the same statement. Seeds: the golden queries and the parser's round-trip cases.
 */
class InfluxQLFuzzer {

    @FuzzTest(maxDuration = "5s")
    void parseAndReprint(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        Query query;
        try {
            query = InfluxQLParser.parseQuery(text);
        } catch (ParseException expected) {
            return;
        }
        for (Statement s : query.statements()) {
            String printed = s.toString();
            Statement again;
            try {
                again = InfluxQLParser.parseQuery(printed).statements().get(0);
            } catch (ParseException e) {
                throw new AssertionError("printed form does not parse: " + printed + " (from " + text + "): "
                        + e.getMessage(), e);
            }
            assertThat(again.toString()).as("reprint of %s", text).isEqualTo(printed);
        }
    }
}
