package io.shardline.common.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CredentialCacheTest {

    private final PasswordHashes hashes = new PasswordHashes(new SecureRandom(), 4);
    private final CredentialCache cache = new CredentialCache(100, Duration.ofMinutes(1), 1);

    @Test
    void verifiesAndRemembersOnlyTheRightPassword() {
        String hash = hashes.hash("pw");
        assertThat(cache.verify("bob", hash, "pw")).isTrue();
        assertThat(cache.verify("bob", hash, "pw")).isTrue();
        assertThat(cache.verify("bob", hash, "PW")).isFalse();
        assertThat(cache.verify("bob", hash, "PW")).isFalse();
        assertThat(cache.verify("alice", hash, "pw")).isTrue();
    }

    @Test
    void aChangedPasswordTakesEffectAtOnce() {
        String old = hashes.hash("old");
        assertThat(cache.verify("bob", old, "old")).isTrue();
        String changed = hashes.hash("new");
        assertThat(cache.verify("bob", changed, "old")).isFalse();
        assertThat(cache.verify("bob", changed, "new")).isTrue();
        // a user dropped and re-created with the old password gets a new hash (new salt): verified afresh
        assertThat(cache.verify("bob", hashes.hash("old"), "new")).isFalse();
    }

    @Test
    void manyFailedLoginsAreRefusedWithoutBreakingTheRightOne() {
        String hash = hashes.hash("right");
        assertThat(cache.verify("bob", hash, "right")).isTrue();
        for (int i = 0; i < 1_000; i++) {
            assertThat(cache.verify("bob", hash, "wrong" + (i % 10))).isFalse();
        }
        assertThat(cache.verify("bob", hash, "right")).isTrue();
        assertThat(cache.verify("bob", hash, "x".repeat(10_240))).isFalse();
    }
}
