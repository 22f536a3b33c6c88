package io.shardline.model.lp;

import io.shardline.model.FieldType;
import java.util.Arrays;

/**
 * Scans and splits the fields of a line exactly as 1.x does: {@code scanFields} (with
 * {@code scanNumber} and {@code scanBoolean}) validates and finds the end of the fields, then
 * {@code walkFields} splits them into key and value spans. Numbers and booleans are converted while
 * they are validated and kept as records, so they are not read twice. Not thread-safe.
 */
final class FieldScanner {

    private static final String INVALID_NUMBER = "invalid number";
    private static final String INVALID_BOOLEAN = "invalid boolean";

    private final Numbers numbers;
    private String reason;
    private int fieldsStart;
    // True when the fields held no quote and no backslash: then every '=' scanFields counted starts
    // a number or boolean and walkFields would split exactly at the recorded spans.
    private boolean simple;
    private int[] keySpans = new int[32];
    private boolean isInt;
    private boolean isUnsigned;
    private boolean decimal;
    private boolean scientific;

    // Values converted by scanFields: start, end, type ordinal, bits.
    int recordCount;
    int[] recordSpans = new int[32];
    FieldType[] recordTypes = new FieldType[16];
    long[] recordBits = new long[16];

    // Spans found by walkFields: keyStart, keyEnd, valueStart, valueEnd.
    int fieldCount;
    int[] fieldSpans = new int[64];

    FieldScanner(Numbers numbers) {
        this.numbers = numbers;
    }

    String reason() {
        return reason;
    }

    int fieldsStart() {
        return fieldsStart;
    }

    /** 1.x {@code scanFields} from {@code i}; returns the end of the fields, or -1 with a reason. */
    int scan(byte[] b, int i, int end) {
        int start = LineParser.skipWhitespace(b, i, end);
        fieldsStart = start;
        recordCount = 0;
        simple = true;
        i = start;
        int keyStart = start;
        boolean quoted = false;
        int equals = 0;
        int commas = 0;
        while (i < end) {
            byte c = b[i];
            if (c == '\\') {
                simple = false;
                if (i + 1 < end) {
                    i += 2;
                    continue;
                }
            }
            if (c == '"') {
                simple = false;
                if (equals > commas) {
                    quoted = !quoted;
                    i++;
                    continue;
                }
            }
            if (c == '=' && !quoted) {
                keySpan(equals++, keyStart, i);
                i = scanValueAfterEquals(b, i, end);
                if (i < 0) {
                    return -1;
                }
                continue;
            }
            if (c == ',' && !quoted) {
                commas++;
                keyStart = i + 1;
            }
            if (c == ' ' && !quoted) {
                break;
            }
            i++;
        }
        return finishScan(i, quoted, equals, commas);
    }

    private int finishScan(int i, boolean quoted, int equals, int commas) {
        if (quoted) {
            return fail("unbalanced quotes");
        }
        if (equals == 0 || commas != equals - 1) {
            return fail("invalid field format");
        }
        simple &= recordCount == equals;
        return i;
    }

    private void keySpan(int n, int ks, int ke) {
        if (keySpans.length < 2 * n + 2) {
            keySpans = Arrays.copyOf(keySpans, keySpans.length * 2);
        }
        keySpans[2 * n] = ks;
        keySpans[2 * n + 1] = ke;
    }

    // The checks 1.x makes at an unquoted '=' at index i; returns where scanning goes on.
    private int scanValueAfterEquals(byte[] b, int i, int end) {
        byte before = b[i - 1];
        if ((before == ' ' || before == ',') && b[i - 2] != '\\') {
            return fail("missing field key");
        }
        if (i + 1 >= end) {
            return fail("missing field value");
        }
        byte next = b[i + 1];
        if (next == ',' || next == ' ') {
            return fail("missing field value");
        }
        if ((next >= '0' && next <= '9') || next == '.' || next == '-' || next == 'N' || next == 'n') {
            return scanNumber(b, i + 1, end);
        }
        if (next != '"') {
            return scanBoolean(b, i + 1, end);
        }
        return i + 1;
    }

    // 1.x scanNumber, which also converts the value (1.x converts only long or exponent forms,
    // but shorter ones can never fail, so the outcome is the same).
    private int scanNumber(byte[] b, int start, int end) {
        int i = numberEnd(b, start, end);
        if (i < 0) {
            return -1;
        }
        if ((isInt || isUnsigned) && (decimal || scientific)) {
            return fail(INVALID_NUMBER);
        }
        int digits = i - start - (isInt ? 1 : 0) - (decimal ? 1 : 0) - (b[start] == '-' ? 1 : 0);
        if (digits == 0) {
            return fail(INVALID_NUMBER);
        }
        if (isInt) {
            return convertInteger(b, start, i);
        }
        if (isUnsigned) {
            return convertUnsigned(b, start, i);
        }
        if (numbers.parseFloat(b, start, i) != Numbers.OK) {
            return fail("invalid float");
        }
        return record(start, i, FieldType.FLOAT, numbers.value);
    }

    // The character loop of scanNumber: sets the number flags, returns the end or -1.
    private int numberEnd(byte[] b, int start, int end) {
        isInt = false;
        isUnsigned = false;
        decimal = false;
        scientific = false;
        int i = start;
        if (b[i] == '-' && ++i == end) {
            return fail(INVALID_NUMBER);
        }
        for (; i < end; i++) {
            byte c = b[i];
            if (c == ',' || c == ' ') {
                break;
            }
            if ((c == 'i' || c == 'u') && i > start && !(isInt || isUnsigned)) {
                isInt = c == 'i';
                isUnsigned = c == 'u';
                continue;
            }
            if (c == '.') {
                if (decimal) {
                    return fail(INVALID_NUMBER);
                }
                decimal = true;
            }
            if (i > start && (c == 'e' || c == 'E')) {
                scientific = true;
                continue;
            }
            if ((c == '+' || c == '-') && (b[i - 1] == 'e' || b[i - 1] == 'E')) {
                continue;
            }
            if (!((c >= '0' && c <= '9') || c == '.')) {
                return fail(INVALID_NUMBER); // includes NaN, nAn, any other byte
            }
        }
        return i;
    }

    private int convertInteger(byte[] b, int start, int i) {
        if (b[i - 1] != 'i') {
            return fail(INVALID_NUMBER);
        }
        if (numbers.parseInt(b, start, i - 1) != Numbers.OK) {
            String digits = Text.raw(b, start, i - 1);
            return fail("unable to parse integer " + digits + ": strconv.ParseInt: parsing \"" + digits
                    + "\": value out of range");
        }
        return record(start, i, FieldType.INTEGER, numbers.value);
    }

    private int convertUnsigned(byte[] b, int start, int i) {
        if (b[i - 1] != 'u' || b[start] == '-') {
            return fail(INVALID_NUMBER);
        }
        if (numbers.parseUint(b, start, i - 1) != Numbers.OK) {
            String digits = Text.raw(b, start, i - 1);
            return fail("unable to parse unsigned " + digits + ": strconv.ParseUint: parsing \"" + digits
                    + "\": value out of range");
        }
        return record(start, i, FieldType.UNSIGNED, numbers.value);
    }

    // 1.x scanBoolean: exactly t T true True TRUE f F false False FALSE.
    private int scanBoolean(byte[] b, int i, int end) {
        int start = i;
        byte c0 = b[i];
        if (c0 != 't' && c0 != 'f' && c0 != 'T' && c0 != 'F') {
            return fail(INVALID_BOOLEAN);
        }
        i++;
        while (i < end && b[i] != ',' && b[i] != ' ') {
            i++;
        }
        int value = booleanValue(b, start, i);
        if (value < 0) {
            return fail(INVALID_BOOLEAN);
        }
        return record(start, i, FieldType.BOOLEAN, value);
    }

    /** 1 for a true spelling, 0 for a false one, -1 otherwise. */
    static int booleanValue(byte[] b, int s, int e) {
        int n = e - s;
        byte c = b[s];
        if (n == 1) {
            return c == 't' || c == 'T' ? 1 : c == 'f' || c == 'F' ? 0 : -1;
        }
        if (n == 4 && (is(b, s, "true") || is(b, s, "True") || is(b, s, "TRUE"))) {
            return 1;
        }
        if (n == 5 && (is(b, s, "false") || is(b, s, "False") || is(b, s, "FALSE"))) {
            return 0;
        }
        return -1;
    }

    private static boolean is(byte[] b, int s, String word) {
        for (int i = 0; i < word.length(); i++) {
            if (b[s + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int record(int start, int end, FieldType type, long bits) {
        int n = recordCount++;
        if (recordTypes.length <= n) {
            recordTypes = Arrays.copyOf(recordTypes, n * 2);
            recordBits = Arrays.copyOf(recordBits, n * 2);
            recordSpans = Arrays.copyOf(recordSpans, n * 4);
        }
        recordSpans[2 * n] = start;
        recordSpans[2 * n + 1] = end;
        recordTypes[n] = type;
        recordBits[n] = bits;
        return end;
    }

    /**
     * 1.x {@code walkFields} over {@code b[s, e)}: splits into key and value spans and applies the
     * per-field key length limit. Returns false with a reason on failure.
     */
    boolean walk(byte[] b, int s, int e, int rawKeyLength) {
        fieldCount = 0;
        if (simple) {
            for (int j = 0; j < recordCount; j++) {
                int ks = keySpans[2 * j];
                int ke = keySpans[2 * j + 1];
                if (!keyFits(rawKeyLength, ke - ks)) {
                    return false;
                }
                addField(ks, ke, ke + 1, recordSpans[2 * j + 1]);
            }
            return true;
        }
        int pos = s;
        while (pos < e) {
            int eq = pos;
            while (eq < e && !(b[eq] == '=' && (eq == pos || b[eq - 1] != '\\'))) {
                eq++;
            }
            if (eq - pos > e - pos - 2) {
                fail("invalid value: field-key=" + Text.raw(b, pos, eq));
                return false;
            }
            int valueEnd = fieldValueEnd(b, eq + 1, e);
            if (!keyFits(rawKeyLength, eq - pos)) {
                return false;
            }
            addField(pos, eq, eq + 1, valueEnd);
            pos = valueEnd < e ? valueEnd + 1 : valueEnd;
        }
        return true;
    }

    // len(seriesKey) + len("#!~#") + len(fieldKey) must not exceed MaxKeyLength.
    private boolean keyFits(int rawKeyLength, int fieldKeyLength) {
        int size = rawKeyLength + 4 + fieldKeyLength;
        if (size > KeyScanner.MAX_KEY_LENGTH) {
            fail("max key length exceeded: " + size + " > " + KeyScanner.MAX_KEY_LENGTH);
            return false;
        }
        return true;
    }

    // 1.x scanFieldValue: up to an unquoted comma; only \" and \\ are escapes here.
    private static int fieldValueEnd(byte[] b, int i, int e) {
        boolean quoted = false;
        while (i < e) {
            byte c = b[i];
            if (c == '\\' && i + 1 < e && (b[i + 1] == '"' || b[i + 1] == '\\')) {
                i += 2;
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                break;
            }
            i++;
        }
        return i;
    }

    private void addField(int ks, int ke, int vs, int ve) {
        if (fieldSpans.length < (fieldCount + 1) * 4) {
            fieldSpans = Arrays.copyOf(fieldSpans, fieldSpans.length * 2);
        }
        int o = fieldCount++ * 4;
        fieldSpans[o] = ks;
        fieldSpans[o + 1] = ke;
        fieldSpans[o + 2] = vs;
        fieldSpans[o + 3] = ve;
    }

    private int fail(String why) {
        reason = why;
        return -1;
    }
}
