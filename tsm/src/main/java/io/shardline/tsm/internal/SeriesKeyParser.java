package io.shardline.tsm.internal;

import io.shardline.model.SeriesKey;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a 1.x series key ({@code escaped-measurement{,escaped-key=escaped-value}}) back into a
 * {@link SeriesKey} the way InfluxDB 1.x does when it rebuilds its index from TSM keys
 * ({@code models.ParseKey}: {@code scanMeasurement}, {@code walkTags}, {@code unescapeTag}): a
 * byte preceded by a backslash never ends an element, and a backslash is dropped only before the
 * element's special characters ({@code ,} and space in a measurement, also {@code =} in tags).
 * Tags with an empty value are skipped. Stateless.
 */
public final class SeriesKeyParser {

    private SeriesKeyParser() {
    }

    /**
     * The series of {@code b[off, end)}; a key InfluxDB could not read a measurement from gives
     * {@link IllegalArgumentException}.
     */
    public static SeriesKey parse(byte[] b, int off, int end) {
        int nameEnd = measurementEnd(b, off, end);
        String measurement = unescape(b, off, nameEnd, false);
        if (measurement.isEmpty()) {
            throw new IllegalArgumentException("missing measurement");
        }
        if (nameEnd >= end || b[nameEnd] != ',') {
            return SeriesKey.of(measurement);
        }
        List<String> keys = new ArrayList<>();
        List<String> values = new ArrayList<>();
        int i = nameEnd + 1;
        while (i < end) {
            int keyEnd = scanTo(b, i, end, (byte) '=');
            int valueStart = keyEnd + 1;
            int valueEnd = tagValueEnd(b, valueStart, end);
            if (valueEnd <= valueStart) {
                // 1.x walkTags: an empty value is skipped and the scan resumes at the same place.
                i = Math.max(valueEnd, keyEnd + 1);
                continue;
            }
            keys.add(unescape(b, i, keyEnd, true));
            values.add(unescape(b, valueStart, valueEnd, true));
            i = valueEnd + 1;
        }
        return SeriesKey.of(measurement, keys.toArray(String[]::new), values.toArray(String[]::new));
    }

    // scanMeasurement: the first ',' or ' ' not preceded by a backslash, from the second byte on.
    private static int measurementEnd(byte[] b, int off, int end) {
        if (off >= end || b[off] == ',') {
            return off;
        }
        for (int i = off + 1; i < end; i++) {
            if (b[i - 1] != '\\' && (b[i] == ',' || b[i] == ' ')) {
                return i;
            }
        }
        return end;
    }

    private static int scanTo(byte[] b, int i, int end, byte stop) {
        while (i < end && !(b[i] == stop && b[i - 1] != '\\')) {
            i++;
        }
        return i;
    }

    private static int tagValueEnd(byte[] b, int i, int end) {
        if (i > end) {
            return end;
        }
        while (i < end && !(b[i] == ',' && b[i - 1] != '\\')) {
            i++;
        }
        return i;
    }

    private static String unescape(byte[] b, int from, int to, boolean tag) {
        ByteArrayOutputStream out = null;
        for (int i = from; i < to; i++) {
            if (b[i] == '\\' && i + 1 < to && special(b[i + 1], tag)) {
                if (out == null) {
                    out = new ByteArrayOutputStream(to - from);
                    out.write(b, from, i - from);
                }
                continue;
            }
            if (out != null) {
                out.write(b[i]);
            }
        }
        return out == null ? new String(b, from, to - from, StandardCharsets.UTF_8)
                : out.toString(StandardCharsets.UTF_8);
    }

    private static boolean special(byte c, boolean tag) {
        return c == ',' || c == ' ' || (tag && c == '=');
    }
}
