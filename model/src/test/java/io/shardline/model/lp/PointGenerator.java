package io.shardline.model.lp;

import io.shardline.model.Point;
import io.shardline.model.PointBuilder;
import java.util.Random;

/**
 * Random points with nasty keys and values, restricted to what line protocol can represent:
 * no newline in keys, no backslash at the end of a key or right before a special character (1.x
 * cannot express those), no {@code #} or tab/NUL at the start of a measurement or field key.
 */
final class PointGenerator {

    private static final String ALPHABET = "abcXYZ019_-.:/,= \"\\'#\t\u0000\r\u00e9\u4e2d\ud83d\ude00\u0394";
    private static final long MIN_TIME = Long.MIN_VALUE + 2;
    private static final long MAX_TIME = Long.MAX_VALUE - 1;
    private static final double[] FLOATS = {
        0.0, -0.0, 1.0, -1.5, 0.1, 0.1 + 0.2, 1e23, 2e-3, 5e-324, Double.MAX_VALUE, -Double.MAX_VALUE,
        Double.MIN_NORMAL, 9.223372036854775807E18, 1e21, 1.5e-7, 123456789.125, 1e-300,
    };

    private final Random random;

    PointGenerator(Random random) {
        this.random = random;
    }

    Point next() {
        PointBuilder b = Point.builder(name(true));
        int tags = random.nextInt(4);
        for (int i = 0; i < tags; i++) {
            b.tag(name(false), name(false));
        }
        int fields = 1 + random.nextInt(5);
        for (int i = 0; i < fields; i++) {
            String key = name(true);
            switch (random.nextInt(5)) {
                case 0 -> b.floatField(key, nextFloat());
                case 1 -> b.integerField(key, nextLong());
                case 2 -> b.unsignedField(key, nextLong());
                case 3 -> b.stringField(key, string(random.nextInt(12), true));
                default -> b.booleanField(key, random.nextBoolean());
            }
        }
        return b.timestamp(nextTime()).build();
    }

    private String name(boolean restrictFirst) {
        while (true) {
            String s = string(1 + random.nextInt(8), false);
            char c = s.charAt(0);
            if (!restrictFirst || (c != '#' && c != '\t' && c != '\u0000')) {
                return s;
            }
        }
    }

    String string(int length, boolean anything) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int cp = ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0, random.nextInt(ALPHABET.codePointCount(0,
                    ALPHABET.length()))));
            b.appendCodePoint(cp);
            if (anything && random.nextInt(10) == 0) {
                b.append('\n');
            }
        }
        if (anything) {
            return b.toString();
        }
        for (int i = 0; i < b.length(); i++) {
            boolean last = i == b.length() - 1;
            if (b.charAt(i) == '\\' && (last || ",= \"".indexOf(b.charAt(i + 1)) >= 0)) {
                b.setCharAt(i, 'x');
            }
        }
        return b.toString();
    }

    private double nextFloat() {
        return switch (random.nextInt(4)) {
            case 0 -> FLOATS[random.nextInt(FLOATS.length)];
            case 1 -> {
                double d = Double.longBitsToDouble(random.nextLong());
                yield Double.isFinite(d) ? d : 42.0;
            }
            case 2 -> random.nextInt(1_000_000) / 1000.0;
            default -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
        };
    }

    private long nextLong() {
        return switch (random.nextInt(4)) {
            case 0 -> Long.MIN_VALUE;
            case 1 -> Long.MAX_VALUE;
            case 2 -> random.nextInt(2000) - 1000;
            default -> random.nextLong();
        };
    }

    private long nextTime() {
        return switch (random.nextInt(5)) {
            case 0 -> MIN_TIME;
            case 1 -> MAX_TIME;
            case 2 -> 0;
            case 3 -> random.nextInt(2000) - 1000;
            default -> random.nextLong() / 2;
        };
    }
}
