package io.shardline.common.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHashesTest {

    /** Hashes InfluxDB 1.6.7 stored for users created with passwords 'pw', 'x' and 'c' (from its meta.db). */
    @Test
    void verifiesHashesWrittenByInfluxDb() {
        assertThat(PasswordHashes.matches("$2a$10$BEVlJIezviDja5LblUkU5e36tsh.3xU1FM6ndXjm5eSGpzZVOS5uC", "pw")).isTrue();
        assertThat(PasswordHashes.matches("$2a$10$1/fLZzIeMhXiTZz5lSMnAuJZX6viqlWNxA80TSuwbv5.06vDoiDcC", "x")).isTrue();
        assertThat(PasswordHashes.matches("$2a$10$2eWflFFXr1OvvImEwYi.EO4WKuasDbvrofFcz9pql7NbBWr1XiQDO", "c")).isTrue();
        assertThat(PasswordHashes.matches("$2a$10$BEVlJIezviDja5LblUkU5e36tsh.3xU1FM6ndXjm5eSGpzZVOS5uC", "PW")).isFalse();
    }

    @Test
    void hashesLikeInfluxDbAndOnlyTheFirst72BytesCount() {
        PasswordHashes hashes = new PasswordHashes(new SecureRandom(), 4);
        String hash = hashes.hash("secret");
        assertThat(hash).startsWith("$2a$04$").hasSize(60);
        assertThat(PasswordHashes.matches(hash, "secret")).isTrue();
        assertThat(PasswordHashes.matches(hash, "secreT")).isFalse();
        String longPassword = "a".repeat(10_240);
        String longHash = hashes.hash(longPassword);
        assertThat(PasswordHashes.matches(longHash, "a".repeat(72))).isTrue();
        assertThat(new PasswordHashes().hash("").startsWith("$2a$10$")).isTrue();
    }

    @Test
    void malformedHashesMatchNothing() {
        assertThat(PasswordHashes.matches("not a hash", "x")).isFalse();
        assertThat(PasswordHashes.matches("", "")).isFalse();
    }
}
