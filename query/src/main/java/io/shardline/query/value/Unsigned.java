package io.shardline.query.value;

/** An unsigned 64-bit field value (Go's {@code uint64}) held in a long's bits. Immutable. */
public record Unsigned(long bits) implements Comparable<Unsigned> {

    /** The value as a double, like Go's {@code float64(u)}. */
    public double toDouble() {
        double d = (double) (bits >>> 1) * 2.0;
        return bits >= 0 ? (double) bits : d + (bits & 1);
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
