package io.shardline.common.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostPortTest {

    @Test
    void parsesInfluxForms() {
        assertThat(HostPort.parse(":8086")).isEqualTo(new HostPort("", 8086));
        assertThat(HostPort.parse(":8086").isWildcard()).isTrue();
        assertThat(HostPort.parse("127.0.0.1:8088")).isEqualTo(new HostPort("127.0.0.1", 8088));
        assertThat(HostPort.parse("data-1:8088").host()).isEqualTo("data-1");
        assertThat(HostPort.parse("[::1]:8091")).isEqualTo(new HostPort("::1", 8091));
        assertThat(new HostPort("::1", 8091)).hasToString("[::1]:8091");
        assertThat(new HostPort("", 8086)).hasToString(":8086");
    }

    @Test
    void rejectsBadAddresses() {
        assertThatThrownBy(() -> HostPort.parse("localhost")).hasMessageContaining("has no port");
        assertThatThrownBy(() -> HostPort.parse("host:http")).hasMessageContaining("invalid port \"http\"");
        assertThatThrownBy(() -> HostPort.parse("host:70000")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> HostPort.parse("::1:80")).hasMessageContaining("[addr]:port");
    }
}
