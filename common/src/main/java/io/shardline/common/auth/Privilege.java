package io.shardline.common.auth;

/**
 * A per-database privilege of a user, as InfluxQL's {@code Privilege}: a two-bit set where ALL is READ
 * plus WRITE, so revoking one of them from ALL leaves the other ({@code p &^ revoked} in 1.x).
 * {@link #text()} is 1.x's {@code Privilege.String()}, used in {@code SHOW GRANTS} and error texts.
 */
public enum Privilege {
    NO_PRIVILEGES("NO PRIVILEGES"),
    READ("READ"),
    WRITE("WRITE"),
    ALL("ALL PRIVILEGES");

    private final String text;

    Privilege(String text) {
        this.text = text;
    }

    /** 1.x's text: {@code NO PRIVILEGES}, {@code READ}, {@code WRITE} or {@code ALL PRIVILEGES}. */
    public String text() {
        return text;
    }

    /** The bit value 1.x stores (0..3). */
    public int bits() {
        return ordinal();
    }

    /** The privilege with these bits (0..3). */
    public static Privilege ofBits(int bits) {
        if (bits < 0 || bits > 3) {
            throw new IllegalArgumentException("privilege bits " + bits + " out of range");
        }
        return values()[bits];
    }

    /** This privilege without {@code revoked} (1.x's {@code AND NOT}). */
    public Privilege without(Privilege revoked) {
        return ofBits(bits() & ~revoked.bits());
    }

    /** Whether holding this privilege grants {@code wanted} (1.x: equal, or ALL; NO PRIVILEGES needs nothing). */
    public boolean grants(Privilege wanted) {
        return wanted == NO_PRIVILEGES || this == wanted || this == ALL;
    }
}
