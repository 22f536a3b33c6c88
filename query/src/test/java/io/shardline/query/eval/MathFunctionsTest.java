package io.shardline.query.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.query.value.Unsigned;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 1.x's math functions: types kept or floats, rounding, Go's log2/log10, nulls for non-numbers. */
class MathFunctionsTest {

    private static Object call(String name, Object... args) {
        return MathFunctions.call(name, Arrays.asList(args));
    }

    @Test
    void absFloorCeilRoundKeepIntegersAsTheyAre() {
        assertThat(call("abs", -5L)).isEqualTo(-5L); // 1.6.7 returns integers unchanged
        assertThat(call("abs", -2.5)).isEqualTo(2.5);
        assertThat(call("floor", new Unsigned(-1))).isEqualTo(new Unsigned(-1));
        assertThat(call("floor", -2.5)).isEqualTo(-3.0);
        assertThat(call("ceil", -2.5)).isEqualTo(-2.0);
        assertThat(call("round", 2.5)).isEqualTo(3.0);
        assertThat(call("round", -2.5)).isEqualTo(-3.0);
        assertThat(call("round", -2.4999999999999996)).isEqualTo(-2.0);
        assertThat(call("round", Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void logarithmsFollowGo() {
        assertThat(call("log2", 8.0)).isEqualTo(3.0);
        assertThat(call("log2", 1L)).isEqualTo(0.0);
        assertThat(call("log2", Double.MIN_VALUE)).isEqualTo(-1074.0);
        assertThat(call("log2", 0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat((Double) call("log2", -1.0)).isNaN();
        assertThat(call("log10", 1000.0)).isEqualTo(StrictMath.log(1000.0) * 0.4342944819032518);
        assertThat(call("log", 8.0, 2L)).isEqualTo(StrictMath.log(8.0) / StrictMath.log(2.0));
        assertThat(call("pow", 2L, 10L)).isEqualTo(1024.0);
        assertThat(call("sqrt", 2L)).isEqualTo(Math.sqrt(2));
    }

    @Test
    void missingOrNonNumericArgumentsGiveNull() {
        assertThat(call("abs", "x")).isNull();
        assertThat(call("sin", true)).isNull();
        assertThat(call("pow", 2.0, null)).isNull();
        assertThat(MathFunctions.call("sqrt", List.of(4.0))).isEqualTo(2.0);
        assertThat(MathFunctions.arity("atan2")).isEqualTo(2);
        assertThat(MathFunctions.arity("ln")).isEqualTo(1);
    }
}
