package io.shardline.datanode.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.model.SeriesKey;
import io.shardline.query.exec.TagPredicates;
import io.shardline.query.parse.InfluxQLParser;
import io.shardline.storage.TagPredicate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The storage predicate of a tag condition selects exactly the series the query engine's evaluation selects. */
class TagConditionsTest {

    private static final List<SeriesKey> SERIES = List.of(SeriesKey.of("cpu", Map.of("host", "a", "region", "us")),
            SeriesKey.of("cpu", Map.of("host", "b", "region", "eu")), SeriesKey.of("cpu", Map.of("host", "c")),
            SeriesKey.of("cpu"));

    @Test
    void translatableConditionsMatchLikeTheQueryEngine() {
        for (String cond : List.of("host = 'a'", "'a' = host", "host != 'a'", "region = ''", "host =~ /a|c/",
                "host !~ /^a/", "host = 'a' OR region = 'eu'", "(host = 'a' OR host = 'c') AND region != 'us'",
                "host::tag = 'b'")) {
            var expr = InfluxQLParser.parseExpr(cond);
            TagPredicate p = TagConditions.toPredicate(expr).orElseThrow(() -> new AssertionError(cond));
            for (SeriesKey s : SERIES) {
                assertThat(p.matches(s)).as("%s on %s", cond, s).isEqualTo(TagPredicates.matches(expr, s));
            }
        }
    }

    @Test
    void otherConditionsHaveNoTranslation() {
        for (String cond : List.of("host > 'a'", "host = 1", "value::field = 'a'", "host = region")) {
            assertThat(TagConditions.toPredicate(InfluxQLParser.parseExpr(cond))).as(cond).isEmpty();
        }
        assertThat(TagConditions.toPredicate(null)).contains(TagPredicate.all());
    }
}
