package io.shardline.datanode.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessLogLineTest {

    @Test
    void sanitizesPasswordsInQueries() {
        assertThat(AccessLogLine.sanitize("CREATE USER bob WITH PASSWORD 'secret' WITH ALL PRIVILEGES"))
                .isEqualTo("CREATE USER bob WITH PASSWORD [REDACTED] WITH ALL PRIVILEGES");
        assertThat(AccessLogLine.sanitize("SET PASSWORD FOR bob = 'x'")).isEqualTo("SET PASSWORD FOR bob = [REDACTED]");
        assertThat(AccessLogLine.sanitize("SHOW DATABASES")).isEqualTo("SHOW DATABASES");
    }

    @Test
    void escapesLikeGo() {
        assertThat(AccessLogLine.queryEscape("SELECT * FROM \"cpu\" ~")).isEqualTo("SELECT+%2A+FROM+%22cpu%22+~");
    }
}
