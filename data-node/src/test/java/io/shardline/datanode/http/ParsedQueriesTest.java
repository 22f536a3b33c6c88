package io.shardline.datanode.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.query.ast.Query;
import io.shardline.query.parse.InfluxQLParser;
import io.shardline.query.parse.ParseException;
import org.junit.jupiter.api.Test;

class ParsedQueriesTest {

    @Test
    void givesWhatParsingGivesAndKeepsIt() {
        ParsedQueries cache = new ParsedQueries();
        String text = "SELECT * FROM cpu WHERE host = 'a' ORDER BY time DESC LIMIT 100; SHOW TAG VALUES WITH KEY = region";
        ParsedQueries.Parsed first = cache.parse(text);
        Query fresh = InfluxQLParser.parseQuery(text);
        assertThat(first.query()).isEqualTo(fresh);
        assertThat(first.text()).isEqualTo(fresh.toString());
        assertThat(cache.parse(text)).isSameAs(first);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void doesNotKeepLongTextsOrParseErrors() {
        ParsedQueries cache = new ParsedQueries();
        String longText = "SELECT * FROM cpu WHERE host = '" + "h".repeat(ParsedQueries.MAX_TEXT_CHARS) + "'";
        ParsedQueries.Parsed parsed = cache.parse(longText);
        assertThat(parsed.query()).isEqualTo(InfluxQLParser.parseQuery(longText));
        assertThat(cache.parse(longText)).isNotSameAs(parsed).isEqualTo(parsed);
        assertThatThrownBy(() -> cache.parse("SELEC nothing")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> cache.parse("SELEC nothing")).isInstanceOf(ParseException.class);
        assertThat(cache.size()).isZero();
    }

    @Test
    void keepsAtMostItsBound() {
        ParsedQueries cache = new ParsedQueries();
        for (int i = 0; i < ParsedQueries.MAX_ENTRIES * 2; i++) {
            String text = "SELECT value FROM m" + i;
            assertThat(cache.parse(text).text()).isEqualTo("SELECT value FROM m" + i);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(ParsedQueries.MAX_ENTRIES);
    }
}
