package io.shardline.query.value;

/** An unsigned 64-bit field value (Go's {@code uint64}) held in a long's bits. Immutable. */
public record Unsigned(long bits) implements Comparable<Unsigned> {

    /** The value as a double, like Go's {@code float64(u)}. */
    public double toDouble() {
        double d = (double) (bits >>> 1) * 2.0;
        return bits >= 0 ? (double) bits : d + (bits & 1);
    }

    /** Go's {@code uint64(d)} on amd64 for a non-negative {@code d} below 2^64 (truncation toward zero). */
    public static Unsigned fromDouble(double d) {
        double twoTo63 = 9.223372036854775808E18;
        return new Unsigned(d < twoTo63 ? (long) d : (long) (d - twoTo63) ^ Long.MIN_VALUE);
    }

    @Override
    public int compareTo(Unsigned o) {
        return Long.compareUnsigned(bits, o.bits);
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(bits);
    }
}
