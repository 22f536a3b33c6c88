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
        assertThat(AccessLogLine.sanitize("create user \"b\" with PaSsWoRd 'x'")).isEqualTo("create user \"b\" with PaSsWoRd [REDACTED]");
        assertThat(AccessLogLine.sanitize("SELECT password FROM logins")).isEqualTo("SELECT password FROM logins");
        assertThat(AccessLogLine.sanitize("passwor")).isEqualTo("passwor");
    }

    @Test
    void escapesLikeGo() {
        assertThat(AccessLogLine.queryEscape("SELECT * FROM \"cpu\" ~")).isEqualTo("SELECT+%2A+FROM+%22cpu%22+~");
    }
}
