package io.shardline.datanode.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.http.HttpRequestView;
import java.util.Map;
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
        assertThat(AccessLogLine.queryEscape("plain-text_1.0~")).isEqualTo("plain-text_1.0~");
        assertThat(AccessLogLine.queryEscape("")).isEqualTo("");
        assertThat(AccessLogLine.queryEscape("$&+,/:;=?@%\u00e9\u20ac\ud83d\ude00"))
                .isEqualTo("%24%26%2B%2C%2F%3A%3B%3D%3F%40%25%C3%A9%E2%82%AC%F0%9F%98%80");
    }

    @Test
    void escapesAsUrlEncoderWithGoSpellingForEveryCharacter() {
        long seed = System.nanoTime();
        System.out.println("AccessLogLineTest seed=" + seed);
        java.util.Random random = new java.util.Random(seed);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                b.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000)));
            }
            String s = b.toString();
            String expected = java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)
                    .replace("*", "%2A").replace("%7E", "~");
            assertThat(AccessLogLine.queryEscape(s)).as("seed %d, %s", seed, s).isEqualTo(expected);
        }
    }

    @Test
    void loggedUrisAreTheSameFromTheCache() {
        AccessLogLine.LoggedUris uris = new AccessLogLine.LoggedUris();
        String[] targets = {"/query?q=CREATE+USER+bob+WITH+PASSWORD+%27x%27&db=a", "/query?db=a&q=SHOW+DATABASES",
            "/write?db=a&p=secret", "/write?db=a", "/ping", "/query?", "/query?q=" + "x".repeat(3000)};
        for (int round = 0; round < 2; round++) {
            for (String target : targets) {
                assertThat(uris.of(request(target))).as(target).isEqualTo(AccessLogLine.uri(request(target)));
            }
        }
        assertThat(uris.of(request(targets[0]))).isEqualTo("/query?db=a&q=CREATE+USER+bob+WITH+PASSWORD+%5BREDACTED%5D");
        assertThat(uris.of(request(targets[2]))).isEqualTo("/write?db=a&p=%5BREDACTED%5D");
    }

    private static HttpRequestView request(String target) {
        return HttpRequestView.of("GET", target, Map.of(), new byte[0]);
    }
}
