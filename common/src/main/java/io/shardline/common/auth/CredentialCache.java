package io.shardline.common.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Semaphore;

/**
 * Verifies passwords against stored bcrypt hashes without paying bcrypt on every request: a verified
 * password is remembered as a salted SHA-256 digest (never in clear) under the key (user name, stored
 * hash), so a changed password, a re-created or a dropped user misses the cache at once on every node
 * that sees the new metadata. Recently refused passwords are remembered the same way, and at most
 * {@code bcryptSlots} bcrypt checks run at once, so a flood of failed logins costs a bounded share of
 * the CPU and users already verified are answered from the cache. Comparisons are constant-time.
 * Thread-safe.
 */
public final class CredentialCache {

    private record Key(String user, String storedHash) {
    }

    private record Refused(String user, String storedHash, String digest) {
    }

    private final Cache<Key, byte[]> verified;
    private final Cache<Refused, Boolean> refused;
    /** SHA-256 that has already taken this cache's random salt; cloned for every digest. */
    private final MessageDigest salted;
    private final Semaphore bcryptSlots;

    /** A cache of up to 10,000 users, refusals kept 10 minutes, bcrypt on half the cores. */
    public CredentialCache() {
        this(10_000, Duration.ofMinutes(10), Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    }

    public CredentialCache(int maxUsers, Duration refusalMemory, int bcryptSlots) {
        this.verified = Caffeine.newBuilder().maximumSize(maxUsers).build();
        this.refused = Caffeine.newBuilder().maximumSize(maxUsers).expireAfterWrite(refusalMemory).build();
        this.bcryptSlots = new Semaphore(bcryptSlots, true);
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        try {
            this.salted = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        salted.update(salt);
    }

    /**
     * Whether {@code password} is the password of {@code user}, whose stored hash is {@code storedHash}.
     * Blocks while other bcrypt checks use every slot.
     */
    public boolean verify(String user, String storedHash, String password) {
        byte[] digest = digest(password);
        Key key = new Key(user, storedHash);
        byte[] known = verified.getIfPresent(key);
        if (known != null && MessageDigest.isEqual(known, digest)) {
            return true;
        }
        Refused refusal = new Refused(user, storedHash, Base64.getEncoder().encodeToString(digest));
        if (refused.getIfPresent(refusal) != null) {
            return false;
        }
        boolean ok = bcrypt(storedHash, password);
        if (ok) {
            verified.put(key, digest);
        } else {
            refused.put(refusal, Boolean.TRUE);
        }
        return ok;
    }

    private boolean bcrypt(String storedHash, String password) {
        bcryptSlots.acquireUninterruptibly();
        try {
            return PasswordHashes.matches(storedHash, password);
        } finally {
            bcryptSlots.release();
        }
    }

    /** The salted digest of {@code password}: a clone of the salted prototype, no provider lookup per request. */
    private byte[] digest(String password) {
        try {
            MessageDigest sha = (MessageDigest) salted.clone();
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 is cloneable", e);
        }
    }
}
