package io.shardline.ctl.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnerListTest {

    @Test
    void goStructStyleInOwnerOrder() {
        assertThat(OwnerList.format(List.of(26L, 33L), Map.of(26L, "data1:8088", 33L, "data3:8088")))
                .isEqualTo("[{26 data1:8088} {33 data3:8088}]");
        assertThat(OwnerList.format(List.of(33L, 26L), Map.of(26L, "data1:8088", 33L, "data3:8088")))
                .isEqualTo("[{33 data3:8088} {26 data1:8088}]");
    }

    @Test
    void noOwnersAndUnknownNodes() {
        assertThat(OwnerList.format(List.of(), Map.of())).isEqualTo("[]");
        assertThat(OwnerList.format(List.of(7L), Map.of())).isEqualTo("[{7 }]");
    }
}
