package io.shardline.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.model.Point;
import io.shardline.model.SeriesKey;
import io.shardline.model.Precision;
import io.shardline.model.lp.LineProtocolParser;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The series limits on batches InfluxDB 1.6.7 (default {@code inmem} index) answered on loopback;
 * the expected reasons and drop counts are the ones it returned.
 */
class SeriesAdmissionTest {

    /** Live series and their tag values, as a store's index would report them. */
    private static final class FakeIndex implements SeriesAdmission.LiveIndex {
        final Set<SeriesKey> live = new HashSet<>();

        FakeIndex with(String... lines) {
            parse(lines).forEach(p -> live.add(p.series()));
            return this;
        }

        @Override
        public boolean isLive(SeriesKey series) {
            return live.contains(series);
        }

        @Override
        public long liveSeries() {
            return live.size();
        }

        @Override
        public long tagValueCount(String measurement, String tagKey) {
            return live.stream().filter(s -> s.measurement().equals(measurement)).map(s -> s.tag(tagKey))
                    .filter(v -> v != null).distinct().count();
        }

        @Override
        public boolean hasTagValue(String measurement, String tagKey, String tagValue) {
            return live.stream().anyMatch(s -> s.measurement().equals(measurement) && tagValue.equals(s.tag(tagKey)));
        }
    }

    private static List<Point> parse(String... lines) {
        return new LineProtocolParser().parse(String.join("\n", lines).getBytes(StandardCharsets.UTF_8),
                Precision.NANOSECONDS, 0).points();
    }

    private static List<String> admit(FakeIndex index, long maxSeries, long maxValues, String... lines) {
        SeriesAdmission gate = new SeriesAdmission(index, TombstoneSet.of(List.of()), 1, maxSeries, maxValues);
        return Arrays.asList(gate.admit(parse(lines)).reasons());
    }

    private static final String SERIES_2 = "max-series-per-database limit exceeded: (2)";

    @Test
    void aBatchOverTheSeriesLimitLosesAllItsNewSeriesPoints() {
        assertThat(admit(new FakeIndex(), 2, 0, "c,h=a v=1 1", "c,h=b v=1 1")).containsOnlyNulls();
        assertThat(admit(new FakeIndex(), 2, 0, "c,h=a v=1 1", "c,h=b v=1 1", "c,h=c v=1 1"))
                .containsExactly(SERIES_2, SERIES_2, SERIES_2);
        assertThat(admit(new FakeIndex(), 2, 0, "c,h=a v=1 1", "c,h=a v=1 2", "c,h=a v=1 3"))
                .as("points count, not distinct series").containsExactly(SERIES_2, SERIES_2, SERIES_2);
        assertThat(admit(new FakeIndex().with("c,h=a v=1 1"), 2, 0, "c,h=b v=1 1", "c,h=c v=1 1", "c,h=a v=2 2"))
                .containsExactly(SERIES_2, SERIES_2, null);
        assertThat(admit(new FakeIndex().with("c,h=a v=1"), 0, 0, "c,h=b v=1", "c,h=c v=1", "c,h=d v=1"))
                .as("0 is no limit").containsOnlyNulls();
    }

    @Test
    void tagValuesCountOnlyWhatTheIndexHeldBeforeTheBatch() {
        assertThat(admit(new FakeIndex(), 0, 3, "c,h=a v=1", "c,h=b v=1", "c,h=c v=1", "c,h=d v=1", "c,h=e,x=1 v=1"))
                .containsOnlyNulls();
        FakeIndex five = new FakeIndex().with("c,h=a v=1", "c,h=b v=1", "c,h=c v=1", "c,h=d v=1", "c,h=e,x=1 v=1");
        String f = "max-values-per-tag limit exceeded (5/3): measurement=\"c\" tag=\"h\" value=\"f\"";
        String g = "max-values-per-tag limit exceeded (5/3): measurement=\"c\" tag=\"h\" value=\"g\"";
        assertThat(admit(five, 0, 3, "c,h=f v=1", "c,h=a,x=2 v=2", "c,h=g v=1")).containsExactly(f, null, g);
        FakeIndex three = new FakeIndex().with("c,h=a v=1", "c,h=b v=1", "c,h=c v=1");
        String d = "max-values-per-tag limit exceeded (3/3): measurement=\"c\" tag=\"h\" value=\"d\"";
        String e = "max-values-per-tag limit exceeded (3/3): measurement=\"c\" tag=\"h\" value=\"e\"";
        assertThat(admit(three, 0, 3, "c,h=d,y=1 v=1", "c,h=a v=2", "c,h=a,y=2 v=1", "c,h=e v=1", "c,h=d,y=1 v=2"))
                .containsExactly(d, null, null, e, d);
    }

    @Test
    void tagDropsAreLeftOutOfTheSeriesCountAndTheSeriesLimitIsTheBatchReason() {
        FakeIndex index = new FakeIndex().with("c,h=a v=1");
        String b = "max-values-per-tag limit exceeded (1/1): measurement=\"c\" tag=\"h\" value=\"b\"";
        assertThat(admit(index, 2, 1, "c,h=b v=1", "c,h=a,x=1 v=1")).containsExactly(b, null);
        index.with("c,h=a,x=1 v=1");
        SeriesAdmission gate = new SeriesAdmission(index, TombstoneSet.of(List.of()), 1, 2, 1);
        WriteValidator.Admission a = gate.admit(parse("c,h=b v=1 1", "c,h=a,y=1 v=1 1", "c,h=a v=5 5"));
        assertThat(a.reasons()).containsExactly(b, SERIES_2, null);
        assertThat(a.batchReason()).isEqualTo(SERIES_2);
    }
}
