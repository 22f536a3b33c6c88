package io.shardline.common.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoJsonTest {

    @Test
    void escapesLikeGoEncodingJson() {
        assertThat(GoJson.quote("plain")).isEqualTo("\"plain\"");
        assertThat(GoJson.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(GoJson.quote("x<y>&z")).isEqualTo("\"x\\u003cy\\u003e\\u0026z\"");
        assertThat(GoJson.quote("l1\nl2\tt\r")).isEqualTo("\"l1\\nl2\\tt\\r\"");
        assertThat(GoJson.quote("\u0001")).isEqualTo("\"\\u0001\"");
        assertThat(GoJson.quote("\u2028")).isEqualTo("\"\\u2028\"");
        assertThat(GoJson.quote("caf\u00e9 \ud83d\ude00")).isEqualTo("\"caf\u00e9 \ud83d\ude00\"");
        assertThat(GoJson.quote("bad\ud800")).isEqualTo("\"bad\\ufffd\"");
    }

    @Test
    void errorBodyHasInfluxShape() {
        assertThat(GoJson.errorBody("unable to parse 'cpu value= 2': missing field value"))
                .isEqualTo("{\"error\":\"unable to parse 'cpu value= 2': missing field value\"}");
    }
}
