package io.shardline.query.ast;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.query.parse.InfluxQLParser;
import org.junit.jupiter.api.Test;

/** The continuous querier's time bounds replace every time comparison of the WHERE clause, as 1.x's SetTimeRange. */
class TimeRangesTest {

    private static final long START = 1_257_894_000_000_000_000L;
    private static final long END = START + 60_000_000_000L;

    private static String bounded(String q) {
        return TimeRanges.bounded((SelectStatement) InfluxQLParser.parseStatement(q), START, END).toString();
    }

    @Test
    void replacesTimeComparisonsAndKeepsTheRest() {
        assertThat(bounded("SELECT mean(v) INTO x FROM m GROUP BY time(1m)")).isEqualTo("SELECT mean(v) INTO x FROM m "
                + "WHERE time >= '2009-11-10T23:00:00Z' AND time < '2009-11-10T23:01:00Z' GROUP BY time(1m)");
        assertThat(bounded("SELECT mean(v) INTO x FROM m WHERE time > now() - 1h AND host = 'a' GROUP BY time(1m)"))
                .isEqualTo("SELECT mean(v) INTO x FROM m WHERE host = 'a' AND time >= '2009-11-10T23:00:00Z' AND "
                        + "time < '2009-11-10T23:01:00Z' GROUP BY time(1m)");
        assertThat(bounded("SELECT mean(v) INTO x FROM m WHERE (host = 'a' OR time < now()) AND time > 0 "
                + "GROUP BY time(1m)")).isEqualTo("SELECT mean(v) INTO x FROM m WHERE (host = 'a') AND time >= "
                + "'2009-11-10T23:00:00Z' AND time < '2009-11-10T23:01:00Z' GROUP BY time(1m)");
    }

    @Test
    void groupByTimeReadsIntervalAndOffset() {
        SelectStatement s = (SelectStatement) InfluxQLParser.parseStatement(
                "SELECT mean(v) FROM m GROUP BY host, time(1h, 90m)");
        assertThat(GroupByTime.of(s)).isEqualTo(new GroupByTime(3_600_000_000_000L, 1_800_000_000_000L));
        assertThat(GroupByTime.of((SelectStatement) InfluxQLParser.parseStatement("SELECT v FROM m")))
                .isEqualTo(new GroupByTime(0, 0));
    }
}
