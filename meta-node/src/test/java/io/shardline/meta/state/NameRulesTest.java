package io.shardline.meta.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"telegraf", "my db", "a.b", "...", "_internal", "x-1", "Ünïcödé", "日本", "a\"b", "1"})
    void acceptsPrintableNames(String name) {
        assertThat(NameRules.valid(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/b", "a\\b", "tab\there", "new\nline", "nul\u0000", "nbsp\u00a0",
            "zero\u200bwidth"})
    void rejectsOtherNames(String name) {
        assertThat(NameRules.valid(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 254, 255})
    void acceptsUpTo255Bytes(int length) {
        assertThat(NameRules.tooLong("a".repeat(length))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 1000})
    void rejectsLongerNames(int length) {
        assertThat(NameRules.tooLong("a".repeat(length))).isTrue();
    }

    @org.junit.jupiter.api.Test
    void countsBytesNotCharacters() {
        assertThat(NameRules.tooLong("é".repeat(127))).isFalse(); // 254 bytes
        assertThat(NameRules.tooLong("é".repeat(128))).isTrue(); // 256 bytes
    }
}
