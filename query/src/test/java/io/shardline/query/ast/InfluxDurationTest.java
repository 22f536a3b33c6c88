package io.shardline.query.ast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.query.parse.InfluxQLParser;
import org.junit.jupiter.api.Test;

/** InfluxQL duration literals and the read-only classification of statements. */
class InfluxDurationTest {

    @Test
    void parsesEveryUnitAndSegments() {
        assertThat(InfluxDuration.parse("3ns")).isEqualTo(3);
        assertThat(InfluxDuration.parse("7u")).isEqualTo(7_000);
        assertThat(InfluxDuration.parse("7µ")).isEqualTo(7_000);
        assertThat(InfluxDuration.parse("5ms")).isEqualTo(5_000_000);
        assertThat(InfluxDuration.parse("2s")).isEqualTo(2_000_000_000L);
        assertThat(InfluxDuration.parse("1h30m")).isEqualTo(5_400_000_000_000L);
        assertThat(InfluxDuration.parse("1d")).isEqualTo(86_400_000_000_000L);
        assertThat(InfluxDuration.parse("2w")).isEqualTo(1_209_600_000_000_000L);
        assertThatThrownBy(() -> InfluxDuration.parse("10µs")).hasMessage("invalid duration");
        assertThatThrownBy(() -> InfluxDuration.parse("5x")).hasMessage("invalid duration");
        assertThatThrownBy(() -> InfluxDuration.parse("1")).hasMessage("invalid duration");
    }

    @Test
    void formatsInTheLargestExactUnit() {
        assertThat(InfluxDuration.format(0)).isEqualTo("0s");
        assertThat(InfluxDuration.format(5_400_000_000_000L)).isEqualTo("90m");
        assertThat(InfluxDuration.format(7_000)).isEqualTo("7u");
        assertThat(InfluxDuration.format(1_500_000_000L)).isEqualTo("1500ms");
        assertThat(InfluxDuration.format(-604_800_000_000_000L)).isEqualTo("-1w");
        assertThat(InfluxDuration.format(3)).isEqualTo("3ns");
    }

    @Test
    void readOnlyStatementsAreSelectAndShow() {
        assertThat(InfluxQLParser.parseStatement("SELECT a FROM b").isReadOnly()).isTrue();
        assertThat(InfluxQLParser.parseStatement("SHOW TAG KEYS").isReadOnly()).isTrue();
        assertThat(InfluxQLParser.parseStatement("CREATE DATABASE x").isReadOnly()).isFalse();
        assertThat(InfluxQLParser.parseStatement("DELETE FROM cpu").isReadOnly()).isFalse();
    }

    @Test
    void positionsCountLinesAndCarriageReturns() {
        assertThatThrownBy(() -> InfluxQLParser.parseQuery("SELECT a\r\nFROM b\r\nWHERE"))
                .hasMessage("found EOF, expected identifier, string, number, bool at line 3, char 7");
    }
}
