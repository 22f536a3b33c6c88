package io.shardline.query.plan;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.model.FieldType;
import io.shardline.query.QueryException;
import io.shardline.query.ast.SelectStatement;
import io.shardline.query.parse.InfluxQLParser;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 1.x's type check of the selected fields: the texts below are InfluxDB 1.6.7's answers (asked of a running
 * {@code influxd}; the differential suite's {@code types.iql} compares them byte for byte).
 */
class TypeCheckTest {

    private static final List<MeasurementSchema> SCHEMA = List.of(
            new MeasurementSchema("status", Map.of("msg", FieldType.STRING, "up", FieldType.BOOLEAN,
                    "code", FieldType.INTEGER), Set.of("host", "dc")),
            new MeasurementSchema("cpu", Map.of("usage_user", FieldType.FLOAT, "n", FieldType.INTEGER,
                    "code", FieldType.FLOAT), Set.of("host")));

    static Stream<Arguments> statements() {
        return Stream.of(
                a("SELECT msg + 1 FROM status", "type error: msg::string + 1: incompatible types: string and integer"),
                a("SELECT up + 1 FROM status", "type error: up::boolean + 1: incompatible types: boolean and integer"),
                a("SELECT host + 1 FROM status", "type error: host::tag + 1: incompatible types: tag and integer"),
                a("SELECT host + host FROM status", "type error: host::tag + host::tag: incompatible types: tag and tag"),
                a("SELECT msg + 'x' FROM status", "type error: msg::string + 'x': incompatible types: string and string"),
                a("SELECT up + true FROM status",
                        "type error: up::boolean + true: incompatible types: boolean and boolean"),
                a("SELECT msg + (1 + 2) FROM status",
                        "type error: msg::string + 3: incompatible types: string and integer"),
                a("SELECT usage_user & 1 FROM cpu",
                        "type error: usage_user::float & 1: incompatible types: float and integer"),
                a("SELECT usage_user + 1.5 * msg FROM cpu, status",
                        "type error: 1.500 * msg::string: incompatible types: float and string"),
                a("SELECT n + 9223372036854775808 FROM cpu",
                        "type error: n::integer + 9223372036854775808: cannot use + with an integer and unsigned literal"),
                a("SELECT 9223372036854775808 - n FROM cpu",
                        "type error: 9223372036854775808 - n::integer: cannot use - with an integer and unsigned literal"),
                a("SELECT msg::string + 1 FROM nothing",
                        "type error: msg::string + 1: incompatible types: string and integer"),
                // function results: first/last/min/max/sum and most others keep their argument's type
                a("SELECT difference(msg) + 1 FROM status",
                        "type error: difference(msg::string) + 1: incompatible types: string and integer"),
                a("SELECT first(msg) * 2 FROM status",
                        "type error: first(msg::string) * 2: incompatible types: string and integer"),
                a("SELECT top(msg, 2) + 1 FROM status",
                        "type error: top(msg::string, 2) + 1: incompatible types: string and integer"),
                a("SELECT sum(usage_user) & 1 FROM cpu",
                        "type error: sum(usage_user::float) & 1: incompatible types: float and integer"),
                a("SELECT abs(up) * 2 FROM status",
                        "type error: abs(up::boolean) * 2: incompatible types: boolean and integer"),
                a("SELECT sin(msg + 1) FROM status",
                        "type error: msg::string + 1: incompatible types: string and integer"),
                // the math mapper only sees calls whose first argument has no type
                a("SELECT atan2(nosuch, msg) FROM status",
                        "invalid argument type for the second argument in atan2(): string"),
                // a field of one measurement and a tag of another: the field's type wins
                a("SELECT code + 1 FROM cpu, status", null),
                a("SELECT host + 1 FROM cpu, status",
                        "type error: host::tag + 1: incompatible types: tag and integer"),
                // passes here, 1.x fails later when the string is read (mean is typed float)
                a("SELECT mean(msg) + 1 FROM status", null),
                a("SELECT count(msg) + 1 FROM status", null),
                a("SELECT elapsed(msg) + 1 FROM status", null),
                a("SELECT sin(msg) FROM status", null),
                a("SELECT msg::integer + 1 FROM status", null),
                a("SELECT n & 1, n ^ n FROM cpu", null),
                a("SELECT up & 1, up ^ true FROM status", null),
                a("SELECT nosuch + 1 FROM status", null),
                a("SELECT msg FROM status", null));
    }

    private static Arguments a(String q, String err) {
        return Arguments.of(q, err);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("statements")
    void answersWhat1xAnswers(String query, String expected) {
        SelectStatement s = (SelectStatement) InfluxQLParser.parseStatement(query);
        List<MeasurementSchema> schemas = SCHEMA.stream()
                .filter(m -> s.sources().stream().anyMatch(src -> src.name().equals(m.name()))).toList();
        if (expected == null) {
            assertThatCode(() -> SelectCompiler.compile(s, 0, schemas)).doesNotThrowAnyException();
            return;
        }
        assertThatThrownBy(() -> SelectCompiler.compile(s, 0, schemas)).isInstanceOf(QueryException.class)
                .hasMessage(expected);
    }
}
