package io.shardline.common.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * bcrypt password hashes in the form InfluxDB 1.x and Enterprise store ({@code $2a$10$...}: Go's
 * {@code bcrypt.GenerateFromPassword} with {@code DefaultCost} 10), through BouncyCastle's
 * {@link OpenBSDBCrypt}; never a home-made hash. Like the Go library 1.x shipped with, only the first
 * 72 bytes of a password count. Thread-safe.
 */
public final class PasswordHashes {

    /** InfluxDB's {@code bcryptCost} ({@code bcrypt.DefaultCost}). */
    public static final int DEFAULT_COST = 10;

    private static final int SALT_BYTES = 16;
    private static final Pattern BCRYPT = Pattern.compile("\\$2[abxy]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

    private final SecureRandom random;
    private final int cost;

    /** Hashes with cost {@value #DEFAULT_COST} and a strong random salt. */
    public PasswordHashes() {
        this(new SecureRandom(), DEFAULT_COST);
    }

    /** @param random where salts come from; @param cost bcrypt's log2 rounds (4..31) */
    public PasswordHashes(SecureRandom random, int cost) {
        this.random = Objects.requireNonNull(random, "random");
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 4..31: " + cost);
        }
        this.cost = cost;
    }

    /** A new {@code $2a$} hash of {@code password} with a fresh salt. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate("2a", password.getBytes(StandardCharsets.UTF_8), salt, cost);
    }

    /**
     * Whether {@code password} matches {@code hash} (a bcrypt string); a malformed hash matches nothing.
     * Costs one bcrypt evaluation (about 50-100 ms at cost 10).
     */
    public static boolean matches(String hash, String password) {
        if (!BCRYPT.matcher(hash).matches()) {
            return false;
        }
        try {
            return OpenBSDBCrypt.checkPassword(hash, password.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
