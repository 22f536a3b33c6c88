package io.shardline.tsm.block;

import io.shardline.model.FieldType;
import java.util.Random;

/** Value sets for codec tests: random shapes that hit every encoding, and edge values. */
public final class BlockValuesGen {

    private static final String[] STRINGS = {"", "a", "héllo wörld", "日本語", "quote\" back\\slash", "tab\tnew\nline",
        "emoji 😀", "x".repeat(300)};

    private BlockValuesGen() {
    }

    /** {@code n} values of {@code type} with a random timestamp and value shape. */
    public static BlockValues random(Random r, FieldType type, int n) {
        BlockValues v = new BlockValues(n);
        v.reset(type);
        long[] ts = randomTimes(r, n);
        int shape = r.nextInt(4);
        long start = r.nextLong();
        long step = r.nextInt(3) == 0 ? r.nextLong() : r.nextInt(1000) - 500;
        double f = r.nextGaussian() * 1000;
        for (int i = 0; i < n; i++) {
            switch (type) {
                case FLOAT -> {
                    double d = switch (shape) {
                        case 0 -> f;
                        case 1 -> f + i * 0.5;
                        case 2 -> r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20);
                        default -> r.nextInt(10);
                    };
                    v.add(ts[i], Double.doubleToRawLongBits(d));
                }
                case INTEGER, UNSIGNED -> v.add(ts[i], switch (shape) {
                    case 0 -> start;
                    case 1 -> start + i * step;
                    case 2 -> r.nextLong();
                    default -> r.nextInt(100) - (type == FieldType.INTEGER ? 50 : 0);
                });
                case BOOLEAN -> v.add(ts[i], shape == 0 ? 1 : r.nextInt(2));
                case STRING -> v.addString(ts[i], shape == 0 ? "same" : STRINGS[r.nextInt(STRINGS.length)] + r.nextInt(5));
                default -> throw new AssertionError(type);
            }
        }
        return v;
    }

    /** Strictly ascending times: regular (RLE), small irregular (packed) or huge gaps (raw). */
    static long[] randomTimes(Random r, int n) {
        long[] ts = new long[n];
        int shape = r.nextInt(4);
        long t = shape == 3 ? Long.MIN_VALUE + 2 : r.nextLong() >> 4;
        long unit = new long[] {1, 1_000, 1_000_000_000L, 10_000_000_000L}[r.nextInt(4)];
        for (int i = 0; i < n; i++) {
            ts[i] = t;
            long gap = switch (shape) {
                case 0 -> unit;
                case 1 -> unit * (1 + r.nextInt(100));
                case 2 -> 1 + r.nextInt(3);
                default -> (Long.MAX_VALUE / Math.max(1, n)) + r.nextInt(1000);
            };
            if (t > Long.MAX_VALUE - 2 * gap) {
                gap = 1;
            }
            t += gap;
        }
        return ts;
    }

    /** Edge values of {@code type}, one per timestamp. */
    public static BlockValues edges(FieldType type) {
        BlockValues v = new BlockValues(16);
        v.reset(type);
        long t = -1_000_000_000L;
        switch (type) {
            case FLOAT -> {
                for (double d : new double[] {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
                    -Double.MAX_VALUE, Double.MIN_NORMAL, 1.0, 1.0, 0.1, -1e300, 3.141592653589793,
                    Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                    v.add(t++, Double.doubleToRawLongBits(d));
                }
            }
            case INTEGER, UNSIGNED -> {
                for (long l : new long[] {0, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 0, -1L, 42}) {
                    v.add(t++, l);
                }
            }
            case BOOLEAN -> {
                for (int i = 0; i < 17; i++) {
                    v.add(t++, (i * 7) % 3 == 0 ? 1 : 0);
                }
            }
            case STRING -> {
                for (String s : STRINGS) {
                    v.addString(t++, s);
                }
            }
            default -> throw new AssertionError(type);
        }
        return v;
    }
}
