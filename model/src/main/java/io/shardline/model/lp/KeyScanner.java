package io.shardline.model.lp;

import io.shardline.model.SeriesKey;
import io.shardline.model.internal.Utf8;
import java.util.Arrays;

/**
 * Scans the key of a line (measurement and tags), exactly as 1.x {@code scanKey}: the same errors
 * in the same order. Keys seen before are found in a bounded cache of raw key bytes, so the
 * common line costs one scan for the key's end, a hash and a compare. Not thread-safe; owned by one parser.
 */
final class KeyScanner {

    /** 1.x {@code MaxKeyLength}. */
    static final int MAX_KEY_LENGTH = 65535;

    private final ByteKeyCache<SeriesEntry> cache = new ByteKeyCache<>(16384, 256);
    private final Text text;
    // Measurements and tag keys repeat across series: a line of a series not seen before takes them from here
    // (one string each, shared by every series of the name) and allocates only its tag values.
    private final StringCache measurements;
    private final StringCache tagKeys;
    private int[] spans = new int[16];
    private int tagCount;
    private String reason;
    private SeriesEntry entry;

    KeyScanner(Text text) {
        this.text = text;
        this.measurements = new StringCache(text, Text.NAME, 256);
        this.tagKeys = new StringCache(text, Text.TAG, 256);
    }

    /** Why the last scan failed. */
    String reason() {
        return reason;
    }

    /** The series of the last successful scan. */
    SeriesEntry entry() {
        return entry;
    }

    /**
     * Scans the key of the line {@code b[start, end)} (no leading whitespace) and returns the index
     * of the space after it, or -1 with {@link #reason()} set.
     */
    int scan(byte[] b, int start, int end) {
        int space = keyEnd(b, start, end);
        if (space < 0 || !cache.accepts(space - start)) {
            return scanUncached(b, start, end);
        }
        int hash = Hashing.hash(b, start, space);
        SeriesEntry hit = cache.get(b, start, space, hash);
        if (hit != null) {
            entry = hit;
            return space;
        }
        int r = scanUncached(b, start, end);
        if (r == space) {
            cache.put(b, start, space, hash, entry);
        }
        return r;
    }

    // A valid key always ends at the first space whose previous byte is not a backslash.
    private static int keyEnd(byte[] b, int start, int end) {
        for (int i = start + 1; i < end; i++) {
            if (b[i] == ' ' && b[i - 1] != '\\') {
                return i;
            }
        }
        return -1;
    }

    private int scanUncached(byte[] b, int start, int end) {
        int i = start;
        if (i >= end || b[i] == ',') {
            return fail("missing measurement");
        }
        while (true) {
            i++;
            if (i >= end) {
                return fail("missing fields");
            }
            if (b[i - 1] == '\\') {
                continue;
            }
            if (b[i] == ',' || b[i] == ' ') {
                break;
            }
        }
        int measurementEnd = i;
        int tags = 0;
        if (b[i] == ',') {
            i = scanTags(b, i + 1, end);
            if (i < 0) {
                return -1;
            }
            tags = tagCount;
        }
        return build(b, start, measurementEnd, tags, i - start) ? i : -1;
    }

    // scanTagsKey/scanTagsValue of 1.x; records spans and returns the index of the ending space.
    private int scanTags(byte[] b, int i, int end) {
        tagCount = 0;
        while (true) {
            int keyStart = i;
            if (i >= end || b[i] == ' ' || b[i] == ',' || b[i] == '=') {
                return fail("missing tag key");
            }
            while (true) {
                i++;
                if (i >= end || ((b[i] == ' ' || b[i] == ',') && b[i - 1] != '\\')) {
                    return fail("missing tag value");
                }
                if (b[i] == '=' && b[i - 1] != '\\') {
                    break;
                }
            }
            int keyEnd = i++;
            int valueStart = i;
            i = tagValueEnd(b, i, end);
            if (i < 0) {
                return -1;
            }
            addSpan(keyStart, keyEnd, valueStart, i);
            if (b[i] == ' ') {
                return i;
            }
            i++;
        }
    }

    // scanTagsValue: the index of the ',' or ' ' after the value, or -1.
    private int tagValueEnd(byte[] b, int i, int end) {
        if (i >= end || b[i] == ',' || b[i] == ' ') {
            return fail("missing tag value");
        }
        while (true) {
            i++;
            if (i >= end) {
                return fail("missing fields");
            }
            if (b[i - 1] == '\\') {
                continue;
            }
            if (b[i] == '=') {
                return fail("invalid tag format");
            }
            if (b[i] == ',' || b[i] == ' ') {
                return i;
            }
        }
    }

    private void addSpan(int ks, int ke, int vs, int ve) {
        if (spans.length < (tagCount + 1) * 4) {
            spans = Arrays.copyOf(spans, spans.length * 2);
        }
        int o = tagCount++ * 4;
        spans[o] = ks;
        spans[o + 1] = ke;
        spans[o + 2] = vs;
        spans[o + 3] = ve;
    }

    // Duplicates are reported before the length check, as in 1.x.
    private boolean build(byte[] b, int start, int measurementEnd, int tags, int keyLength) {
        String measurement = measurements.get(b, start, measurementEnd);
        String[] keys = new String[tags];
        String[] values = new String[tags];
        for (int t = 0; t < tags; t++) {
            int o = t * 4;
            keys[t] = tagKeys.get(b, spans[o], spans[o + 1]);
            values[t] = text.unescape(b, spans[o + 2], spans[o + 3], Text.TAG);
        }
        if (hasDuplicates(keys)) {
            fail("duplicate tags");
            return false;
        }
        if (keyLength > MAX_KEY_LENGTH) {
            fail("max key length exceeded: " + keyLength + " > " + MAX_KEY_LENGTH);
            return false;
        }
        entry = new SeriesEntry(canonical(b, start, keyLength, tags)
                ? SeriesKey.ofEncoded(measurement, keys, values, Arrays.copyOfRange(b, start, start + keyLength))
                : SeriesKey.of(measurement, keys, values));
        return true;
    }

    /**
     * True when the raw key {@code b[start, start + length)} is its series key byte for byte: ASCII (decoding
     * changes nothing), no backslash (unescaping changes nothing), no tag value beginning with '=' (the one character
     * the key escapes that a name can then hold) and tags strictly sorted by key (nothing is reordered; the scanner rejects empty values). A new
     * series then takes these bytes instead of encoding its names again.
     */
    private boolean canonical(byte[] b, int start, int length, int tags) {
        for (int i = start; i < start + length; i++) {
            if (b[i] < 0 || b[i] == '\\') {
                return false;
            }
        }
        for (int t = 0; t < tags; t++) {
            int o = t * 4;
            // A value may begin with an unescaped '=' (only its later ones end the line with an error); the key
            // escapes it, so the raw bytes are not the key's.
            if (b[spans[o + 2]] == '=') {
                return false;
            }
            if (t > 0 && Arrays.compare(b, spans[o - 4], spans[o - 3], b, spans[o], spans[o + 1]) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasDuplicates(String[] keys) {
        if (keys.length < 2) {
            return false;
        }
        String[] sorted = keys.clone();
        Arrays.sort(sorted, Utf8.ORDER);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i].equals(sorted[i - 1])) {
                return true;
            }
        }
        return false;
    }

    private int fail(String why) {
        reason = why;
        return -1;
    }
}
