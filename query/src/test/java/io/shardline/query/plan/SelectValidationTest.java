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

/** Statement errors with 1.x's texts (reported in results[i].error). */
class SelectValidationTest {

    private static final List<MeasurementSchema> SCHEMA = List.of(new MeasurementSchema("myseries",
            Map.of("value", FieldType.FLOAT, "field1", FieldType.FLOAT, "s", FieldType.STRING), Set.of("host")));

    static Stream<Arguments> errors() {
        return Stream.of(
                a("SELECT time FROM myseries", "at least 1 non-time field must be queried"),
                a("SELECT count(value), value FROM foo", "mixing aggregate and non-aggregate queries is not supported"),
                a("SELECT count(value)/10, value FROM foo",
                        "mixing aggregate and non-aggregate queries is not supported"),
                a("SELECT max(value), min(value), host FROM foo",
                        "mixing multiple selector functions with tags or fields is not supported"),
                a("SELECT field1 FROM foo group by time(1s)", "GROUP BY requires at least one aggregate function"),
                a("SELECT field1 FROM foo fill(none)", "fill(none) must be used with a function"),
                a("SELECT field1 FROM foo fill(linear)", "fill(linear) must be used with a function"),
                a("SELECT foo(value) FROM myseries", "undefined function foo()"),
                a("select count() from myseries", "invalid number of arguments for count, expected 1, got 0"),
                a("SELECT mean(value, host) FROM myseries", "invalid number of arguments for mean, expected 1, got 2"),
                a("SELECT count(max(value)) FROM myseries", "expected field argument in count()"),
                a("SELECT count(distinct('value')) FROM myseries", "expected field argument in distinct()"),
                a("SELECT distinct('value') FROM myseries", "expected field argument in distinct()"),
                a("SELECT min(max(value)) FROM myseries", "expected field argument in min()"),
                a("SELECT min(distinct(value)) FROM myseries", "expected field argument in min()"),
                a("SELECT sum(max(value)) FROM myseries", "expected field argument in sum()"),
                a("SELECT stddev(max(value)) FROM myseries", "expected field argument in stddev()"),
                a("SELECT percentile() FROM myseries", "invalid number of arguments for percentile, expected 2, got 0"),
                a("SELECT percentile(field1) FROM myseries",
                        "invalid number of arguments for percentile, expected 2, got 1"),
                a("SELECT percentile(field1, foo) FROM myseries", "expected float argument in percentile()"),
                a("SELECT percentile(max(field1), 75) FROM myseries", "expected field argument in percentile()"),
                a("SELECT distinct(field1), sum(field1) FROM myseries",
                        "aggregate function distinct() cannot be combined with other functions or fields"),
                a("SELECT distinct(field1), field2 FROM myseries",
                        "aggregate function distinct() cannot be combined with other functions or fields"),
                a("SELECT distinct(field1, field2) FROM myseries", "distinct function can only have one argument"),
                a("SELECT distinct() FROM myseries", "distinct function requires at least one argument"),
                a("SELECT distinct field1, field2 FROM myseries",
                        "aggregate function distinct() cannot be combined with other functions or fields"),
                a("select count(distinct(too, many, arguments)) from myseries",
                        "distinct function can only have one argument"),
                a("SELECT 1 + 2 FROM m", "field must contain at least one variable"),
                a("SELECT 'a' + 1 FROM m", "cannot perform a binary expression on two literals"),
                a("SELECT 1 FROM m", "field must contain at least one variable"),
                a("SELECT * + 1 FROM m", "unable to use wildcard in a binary expression"),
                a("SELECT mean(*) + 1 FROM m", "unsupported expression with wildcard: mean()"),
                a("SELECT count(value) FROM foo group by time", "time() is a function and expects at least one argument"),
                a("SELECT count(value) FROM foo group by 'time'", "only time and tag dimensions allowed"),
                a("SELECT count(value) FROM foo group by value + 1", "only time and tag dimensions allowed"),
                a("SELECT count(value) FROM foo group by mean(value)", "only time() calls allowed in dimensions"),
                a("SELECT count(value) FROM foo where time > now() and time < now() group by time()",
                        "time dimension expected 1 or 2 arguments"),
                a("SELECT count(value) FROM foo where time > now() and time < now() group by time(b)",
                        "time dimension must have duration argument"),
                a("SELECT count(value) FROM foo where time > now() and time < now() group by time(1s), time(2s)",
                        "multiple time dimensions not allowed"),
                a("SELECT count(value) FROM foo where time > now() and time < now() group by time(1s, b)",
                        "time dimension offset must be duration or now()"),
                a("SELECT count(value) FROM foo group by time(1s, foo())",
                        "time dimension offset function must be now()"),
                a("SELECT count(value) FROM foo group by time(1s, now(1))",
                        "time dimension offset now() function requires no arguments"),
                a("SELECT derivative(mean(value), 1h) FROM myseries where time < now() and time > now() - 1d",
                        "derivative aggregate requires a GROUP BY interval"),
                a("SELECT derivative(value) FROM myseries group by time(1h)",
                        "aggregate function required inside the call to derivative"),
                a("select derivative() from myseries",
                        "invalid number of arguments for derivative, expected at least 1 but no more than 2, got 0"),
                a("SELECT derivative(value, 10) FROM m",
                        "second argument to derivative must be a duration, got *influxql.IntegerLiteral"),
                a("SELECT moving_average(value, 1) FROM m", "moving_average window must be greater than 1, got 1"),
                a("SELECT moving_average(value, 2.5) FROM m",
                        "second argument for moving_average must be an integer, got *influxql.NumberLiteral"),
                a("SELECT top(value) FROM m", "invalid number of arguments for top, expected at least 2, got 1"),
                a("SELECT top(value, 3), max(value) FROM m",
                        "selector function top() cannot be combined with other functions"),
                a("SELECT top(value, 5) FROM m LIMIT 2",
                        "limit (5) in top function can not be larger than the LIMIT (2) in the select statement"),
                a("SELECT value FROM m WHERE mean(value) > 1", "invalid function call in condition: mean(value)"),
                a("SELECT value FROM m WHERE time != now()", "invalid time comparison operator: !="),
                a("SELECT value FROM m WHERE time > 'abc'",
                        "invalid operation: time and *influxql.StringLiteral are not compatible"),
                a("SELECT value FROM m WHERE time > true",
                        "invalid operation: time and *influxql.BooleanLiteral are not compatible"),
                a("SELECT value FROM m WHERE time > '2000-13-01T00:00:00Z'", "invalid timestamp string"),
                a("SELECT value FROM m WHERE time > '2300-01-01T00:00:00Z'",
                        "time 2300-01-01T00:00:00Z overflows time literal"),
                a("SELECT value FROM m WHERE host", "invalid condition expression: host"),
                a("SELECT mean(value) FROM myseries WHERE time > now() - 1d GROUP BY time(1h) tz('America/Chicago')",
                        null),
                a("SELECT mean(value) FROM m GROUP BY time(0s)", "time dimension must have a positive duration"),
                a("SELECT holt_winters(value) FROM myseries where time < now() and time > now() - 1d",
                        "invalid number of arguments for holt_winters, expected 3, got 1"),
                a("SELECT holt_winters(value, 10, 2) FROM myseries where time < now() and time > now() - 1d",
                        "must use aggregate function with holt_winters"),
                a("SELECT holt_winters(min(value), 10, 2) FROM myseries where time < now() and time > now() - 1d",
                        "holt_winters aggregate requires a GROUP BY interval"),
                a("SELECT holt_winters(min(value), 0, 2) FROM myseries where time < now() and time > now() - 1d GROUP BY time(1d)",
                        "second arg to holt_winters must be greater than 0, got 0"),
                a("SELECT holt_winters(min(value), false, 2) FROM myseries where time < now() and time > now() - 1d GROUP BY time(1d)",
                        "expected integer argument as second arg in holt_winters"),
                a("SELECT holt_winters(min(value), 10, 'string') FROM myseries where time < now() and time > now() - 1d GROUP BY time(1d)",
                        "expected integer argument as third arg in holt_winters"),
                a("SELECT holt_winters(min(value), 10, -1) FROM myseries where time < now() and time > now() - 1d GROUP BY time(1d)",
                        "third arg to holt_winters cannot be negative, got -1"),
                a("SELECT holt_winters_with_fit(value) FROM myseries where time < now() and time > now() - 1d",
                        "invalid number of arguments for holt_winters_with_fit, expected 3, got 1"),
                a("SELECT holt_winters_with_fit(value, 10, 2) FROM myseries where time < now() and time > now() - 1d",
                        "must use aggregate function with holt_winters_with_fit"),
                a("SELECT holt_winters_with_fit(min(value), 10, 2) FROM myseries where time < now() and time > now() - 1d",
                        "holt_winters_with_fit aggregate requires a GROUP BY interval"),
                a("SELECT holt_winters_with_fit(min(value), 0, 2) FROM myseries where time < now() and time > now() - 1d GROUP BY time(1d)",
                        "second arg to holt_winters_with_fit must be greater than 0, got 0"),
                a("SELECT holt_winters_with_fit(min(value), false, 2) FROM myseries where time < now() and time > now() - 1d GROUP BY time(1d)",
                        "expected integer argument as second arg in holt_winters_with_fit"),
                a("SELECT holt_winters_with_fit(min(value), 10, 'string') FROM myseries where time < now() and time > now() - 1d GROUP BY time(1d)",
                        "expected integer argument as third arg in holt_winters_with_fit"),
                a("SELECT holt_winters_with_fit(min(value), 10, -1) FROM myseries where time < now() and time > now() - 1d GROUP BY time(1d)",
                        "third arg to holt_winters_with_fit cannot be negative, got -1"),
                a("SELECT exponential_moving_average(value) FROM myseries",
                        "invalid number of arguments for exponential_moving_average, expected at least 2 but no more than 4, got 1"),
                a("SELECT kaufmans_efficiency_ratio(value, 2, 0, 'simple') FROM myseries",
                        "invalid number of arguments for kaufmans_efficiency_ratio, expected at least 2 but no more than 3, got 4"),
                a("SELECT double_exponential_moving_average(value, 2.5) FROM myseries",
                        "double_exponential_moving_average period must be an integer"),
                a("SELECT relative_strength_index(value, 0) FROM myseries",
                        "relative_strength_index period must be greater than or equal to 1"),
                a("SELECT triple_exponential_derivative(value, 2, 0) FROM myseries",
                        "triple_exponential_derivative hold period must be greater than or equal to 1"),
                a("SELECT kaufmans_adaptive_moving_average(value, 2, -2) FROM myseries",
                        "kaufmans_adaptive_moving_average hold period must be greater than or equal to 0"),
                a("SELECT triple_exponential_moving_average(value, 2, 'x') FROM myseries",
                        "triple_exponential_moving_average hold period must be an integer"),
                a("SELECT exponential_moving_average(value, 2, 0, 'none') FROM myseries",
                        "exponential_moving_average warmup type must be one of: 'exponential' 'simple'"),
                a("SELECT chande_momentum_oscillator(value, 2, 0, 'bad') FROM myseries",
                        "chande_momentum_oscillator warmup type must be one of: 'none' 'exponential' 'simple'"),
                a("SELECT chande_momentum_oscillator(value, 2, 0, 1) FROM myseries",
                        "chande_momentum_oscillator warmup type must be a string"),
                a("SELECT exponential_moving_average(mean(value), 2) FROM myseries",
                        "exponential_moving_average aggregate requires a GROUP BY interval"),
                a("SELECT exponential_moving_average(value, 2) FROM myseries WHERE time > now() - 1h GROUP BY time(1m)",
                        "aggregate function required inside the call to exponential_moving_average"),
                a("SELECT exponential_moving_average(value, 2), value FROM myseries",
                        "mixing aggregate and non-aggregate queries is not supported"),
                a("SELECT chande_momentum_oscillator(value, 3, -1, 'none') FROM myseries", null),
                a("SELECT holt_winters(mean(value), 3, 2) FROM myseries WHERE time > now() - 1h GROUP BY time(1m)",
                        null),
                a("SELECT holt_winters(mean(value), 100000000, 2) FROM myseries WHERE time > now() - 1h GROUP BY time(1m)",
                        "holt_winters() forecasting more than 10000000 points is not supported by Shardline"),
                a("SELECT mean(s) FROM myseries", null),
                a("SELECT mean(value) FROM myseries WHERE time > now() - 1h GROUP BY time(1m, now()), host fill(0)",
                        null));
    }

    private static Arguments a(String q, String err) {
        return Arguments.of(q, err);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("errors")
    void reportsThe1xStatementError(String query, String expected) {
        SelectStatement s = (SelectStatement) InfluxQLParser.parseStatement(query);
        if (expected == null) {
            assertThatCode(() -> SelectCompiler.compile(s, 0, SCHEMA)).doesNotThrowAnyException();
            return;
        }
        assertThatThrownBy(() -> SelectCompiler.compile(s, 0, SCHEMA)).isInstanceOf(QueryException.class)
                .hasMessage(expected);
    }
}
