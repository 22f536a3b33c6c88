package io.shardline.common.unit;

import java.util.Locale;

/**
 * A size in bytes, written the InfluxDB way: a plain number of bytes ({@code 25000000}) or a
 * number with a 1024-based suffix ({@code 512k}, {@code 48m}, {@code 10g}; {@code kb}/{@code kib}
 * spellings are accepted too).
 */
public record ByteSize(long bytes) {

    private static final long K = 1024L;

    public ByteSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative: " + bytes);
        }
    }

    public static ByteSize ofBytes(long bytes) {
        return new ByteSize(bytes);
    }

    /**
     * Parses {@code 10737418240}, {@code 10g}, {@code 48m}, {@code 512K}, {@code 1gb}, {@code 1GiB}.
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static ByteSize parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty size");
        }
        String s = text.trim().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        if (end == 0) {
            throw new IllegalArgumentException("invalid size \"" + text + "\"");
        }
        long multiplier = switch (s.substring(end)) {
            case "", "b" -> 1L;
            case "k", "kb", "kib" -> K;
            case "m", "mb", "mib" -> K * K;
            case "g", "gb", "gib" -> K * K * K;
            case "t", "tb", "tib" -> K * K * K * K;
            default -> throw new IllegalArgumentException(
                    "invalid size \"" + text + "\": unknown suffix \"" + s.substring(end) + "\"");
        };
        try {
            return new ByteSize(Math.multiplyExact(Long.parseLong(s.substring(0, end)), multiplier));
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("size out of range \"" + text + "\"", e);
        }
    }

    /** The shortest exact form: {@code 10g}, {@code 48m}, {@code 512k} or plain bytes. */
    @Override
    public String toString() {
        String[] suffixes = {"t", "g", "m", "k"};
        long[] units = {K * K * K * K, K * K * K, K * K, K};
        for (int i = 0; i < units.length; i++) {
            if (bytes != 0 && bytes % units[i] == 0) {
                return (bytes / units[i]) + suffixes[i];
            }
        }
        return Long.toString(bytes);
    }
}
