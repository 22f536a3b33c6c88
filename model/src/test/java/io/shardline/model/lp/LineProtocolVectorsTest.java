package io.shardline.model.lp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardline.model.FieldType;
import io.shardline.model.Point;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of lp-vectors.tsv: outcome, exact error text, canonical form, point contents. */
class LineProtocolVectorsTest {

    static final long NOW = 1_700_000_123_456_789_123L;

    static List<LpVectors.Vector> vectors() {
        return LpVectors.load();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void matchesTheRealParser(LpVectors.Vector v) {
        ParseResult r = new LineProtocolParser().parse(v.body(), v.precision(), NOW);
        if (!v.ok()) {
            assertThat(r.points()).isEmpty();
            assertThat(r.errorText()).isEqualTo(v.error());
            return;
        }
        assertThat(r.errors()).isEmpty();
        JsonNode expected = v.points();
        assertThat(r.points()).hasSize(expected.size());
        List<String> lines = new ArrayList<>();
        long now = v.precision().truncate(NOW);
        for (int i = 0; i < expected.size(); i++) {
            Point p = r.points().get(i);
            JsonNode e = expected.get(i);
            boolean isNow = e.get("time").isTextual();
            assertThat(p.timestamp()).isEqualTo(isNow ? now : e.get("time").asLong());
            assertThat(p.measurement()).isEqualTo(e.get("measurement").asText());
            assertThat(p.series().tags()).isEqualTo(tags(e.get("tags")));
            assertFields(p, e.get("fields"));
            String line = LineProtocolWriter.toLine(p);
            lines.add(isNow ? line.substring(0, line.length() - (" " + p.timestamp()).length()) : line);
        }
        assertThat(String.join("\n", lines)).isEqualTo(v.canonical() == null ? "" : v.canonical());
    }

    private static Map<String, String> tags(JsonNode n) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            m.put(e.getKey(), e.getValue().asText());
        }
        return m;
    }

    private static void assertFields(Point p, JsonNode fields) {
        assertThat(p.fieldCount()).isEqualTo(fields.size());
        for (Map.Entry<String, JsonNode> f : fields.properties()) {
            int i = p.fieldIndex(f.getKey());
            assertThat(i).as("field %s", f.getKey()).isGreaterThanOrEqualTo(0);
            String type = f.getValue().get("type").asText();
            JsonNode value = f.getValue().get("value");
            assertThat(p.fieldType(i).influxName()).isEqualTo(type);
            switch (p.fieldType(i)) {
                case FLOAT -> assertThat(p.floatValue(i)).isEqualTo(Double.parseDouble(value.asText()));
                case INTEGER -> assertThat(BigDecimal.valueOf(p.integerValue(i))).isEqualTo(new BigDecimal(value.asText()));
                case UNSIGNED -> assertThat(Long.toUnsignedString(p.unsignedValue(i))).isEqualTo(value.asText());
                case BOOLEAN -> assertThat(p.booleanValue(i)).isEqualTo(value.asBoolean());
                case STRING -> assertThat(p.stringValue(i)).isEqualTo(value.asText());
                default -> throw new AssertionError(FieldType.class);
            }
        }
    }
}
