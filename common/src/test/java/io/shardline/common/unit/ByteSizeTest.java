package io.shardline.common.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {

    @ParameterizedTest
    @CsvSource({
            "10737418240, 10737418240",
            "10g, 10737418240",
            "10G, 10737418240",
            "48m, 50331648",
            "512k, 524288",
            "1gb, 1073741824",
            "1GiB, 1073741824",
            "25000000, 25000000",
            "0, 0",
            "2t, 2199023255552"
    })
    void parses(String text, long bytes) {
        assertThat(ByteSize.parse(text).bytes()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @CsvSource({"10737418240, 10g", "50331648, 48m", "524288, 512k", "25000000, 25000000", "0, 0", "1000, 1000"})
    void printsShortestExactForm(long bytes, String text) {
        assertThat(ByteSize.ofBytes(bytes)).hasToString(text);
        assertThat(ByteSize.parse(text).bytes()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "g", "10x", "-5", "1.5g", "99999999999999999999", "9999999999t"})
    void rejects(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("size");
    }
}
