package io.shardline.meta.state;

import java.nio.charset.StandardCharsets;

/**
 * InfluxDB's rules for database and retention policy names: non-empty, every character printable
 * (Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space),
 * not {@code .} or {@code ..}, no {@code /} or {@code \}, at most 255 bytes of UTF-8. Stateless.
 */
public final class NameRules {

    /** The longest name, in UTF-8 bytes. */
    public static final int MAX_NAME_BYTES = 255;

    private NameRules() {
    }

    /** Whether the name is too long ({@code name too long}). */
    public static boolean tooLong(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES;
    }

    /** Whether the name is acceptable apart from its length ({@code invalid name} otherwise). */
    public static boolean valid(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return false;
        }
        return name.codePoints().allMatch(cp -> cp != '/' && cp != '\\' && printable(cp));
    }

    private static boolean printable(int codePoint) {
        if (codePoint == ' ') {
            return true;
        }
        switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL:
                return true;
            default:
                return false;
        }
    }
}
