package io.shardline.query.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Raw rows of fields cast to another type, as InfluxDB 1.6.7 answers them: numbers cast between float and integer,
 * a cast the value cannot take reads nothing (no row unless another selected field has a value there).
 */
class FieldCastTest {

    private static final long S = 1_000_000_000L;

    private final TestRunner runner = new TestRunner(3600 * S, new InMemoryShard()
            .add("status", 10 * S, Map.of("msg", "a", "code", 500L), "h", "a")
            .add("status", 20 * S, Map.of("msg", "b", "code", 200L), "h", "a"));

    @Test
    void aCastTheValueCannotTakeMakesNoRow() {
        assertThat(runner.json("SELECT msg::integer FROM status")).isEqualTo("{\"results\":[{\"statement_id\":0}]}\n");
        assertThat(runner.json("SELECT msg::integer + 1 FROM status"))
                .isEqualTo("{\"results\":[{\"statement_id\":0}]}\n");
        assertThat(runner.json("SELECT code::string FROM status")).isEqualTo("{\"results\":[{\"statement_id\":0}]}\n");
    }

    @Test
    void anotherFieldStillMakesTheRow() {
        assertThat(runner.json("SELECT msg::integer, code::float FROM status")).isEqualTo(
                "{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"status\",\"columns\":[\"time\",\"msg\","
                        + "\"code\"],\"values\":[[\"1970-01-01T00:00:10Z\",null,500],[\"1970-01-01T00:00:20Z\",null,"
                        + "200]]}]}]}\n");
    }
}
