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
 * else may escape), and every statement it accepts prints to text that parses back to the same statement: always
 * in the exact form, and in 1.x's {@code String()} form wherever that is not lossy. Seeds: the golden queries
 * and the parser's round-trip cases; {@code regression-*}: inputs the fuzzer once failed on.
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
            // The exact form (shipped to other nodes) must always parse back to the same statement.
            String exact = s.toExactString();
            assertThat(reparse(exact, text).toExactString()).as("exact reprint of %s", text).isEqualTo(exact);
            // 1.x's String() form may lose only what the exact form keeps (rounded floats, FROM ""): where
            // the two agree, it must round-trip as well.
            String printed = s.toString();
            if (printed.equals(exact)) {
                assertThat(reparse(printed, text).toString()).as("reprint of %s", text).isEqualTo(printed);
            }
        }
    }

    private static Statement reparse(String printed, String original) {
        try {
            return InfluxQLParser.parseQuery(printed).statements().get(0);
        } catch (ParseException e) {
            throw new AssertionError("printed form does not parse: " + printed + " (from " + original + "): "
                    + e.getMessage(), e);
        }
    }
}
