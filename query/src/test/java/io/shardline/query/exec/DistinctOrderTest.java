package io.shardline.query.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The order of a bucket's distinct() values over two shards, as 1.x's reducer makes it: each value's first point
 * in read order (its earliest, or newest-first with ORDER BY time DESC its latest), listed by that time ascending.
 */
class DistinctOrderTest {

    private static final long S = 1_000_000_000L;
    private static final String RANGE = " FROM d WHERE time >= 0s AND time < 60s GROUP BY time(1m)";

    // x at 10 s and 14 s, z at 11 s, y at 12 s
    private final TestRunner runner = new TestRunner(3600 * S,
            new InMemoryShard().add("d", 10 * S, Map.of("v", "x"), "h", "a").add("d", 12 * S, Map.of("v", "y"), "h", "a"),
            new InMemoryShard().add("d", 11 * S, Map.of("v", "z"), "h", "b").add("d", 14 * S, Map.of("v", "x"), "h", "b"));

    private String values(String q) {
        String json = runner.json(q);
        return json.substring(json.indexOf("\"values\""), json.indexOf("]]}") + 2);
    }

    @Test
    void ascendingListsValuesByTheirEarliestTime() {
        assertThat(values("SELECT distinct(v)" + RANGE)).isEqualTo("\"values\":[[\"1970-01-01T00:00:00Z\",\"x\"],"
                + "[\"1970-01-01T00:00:00Z\",\"z\"],[\"1970-01-01T00:00:00Z\",\"y\"]]");
    }

    @Test
    void descendingListsValuesByTheirLatestTime() {
        assertThat(values("SELECT distinct(v)" + RANGE + " ORDER BY time DESC")).isEqualTo(
                "\"values\":[[\"1970-01-01T00:00:00Z\",\"z\"],[\"1970-01-01T00:00:00Z\",\"y\"],"
                        + "[\"1970-01-01T00:00:00Z\",\"x\"]]");
        assertThat(values("SELECT distinct(v)" + RANGE + " ORDER BY time DESC LIMIT 1 OFFSET 1"))
                .isEqualTo("\"values\":[[\"1970-01-01T00:00:00Z\",\"y\"]]");
    }
}
