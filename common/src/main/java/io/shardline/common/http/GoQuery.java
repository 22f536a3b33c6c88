package io.shardline.common.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * URL query strings and form bodies parsed as Go's {@code url.ParseQuery} does (what InfluxDB reads
 * {@code q}, {@code db}, ... with): pairs split on {@code &}, {@code +} is a space, a pair with a
 * bad escape or a semicolon is skipped rather than failing the request. Stateless.
 */
public final class GoQuery {

    private GoQuery() {
    }

    /** The parameters of {@code query} (without the leading {@code ?}), in order of appearance. */
    public static Map<String, List<String>> parse(String query) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return out;
        }
        int start = 0;
        while (start <= query.length()) {
            int amp = query.indexOf('&', start);
            int end = amp < 0 ? query.length() : amp;
            addPair(out, query.substring(start, end));
            start = end + 1;
        }
        return out;
    }

    private static void addPair(Map<String, List<String>> out, String pair) {
        if (pair.isEmpty() || pair.indexOf(';') >= 0) {
            return;
        }
        int eq = pair.indexOf('=');
        String key = unescape(eq < 0 ? pair : pair.substring(0, eq));
        String value = unescape(eq < 0 ? "" : pair.substring(eq + 1));
        if (key != null && value != null) {
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
    }

    /** Go's {@code url.QueryUnescape}, or null where Go reports an invalid escape. */
    public static String unescape(String s) {
        return unescape(s, true);
    }

    /** Go's {@code url.PathUnescape} ({@code +} stays), or null for an invalid escape. */
    public static String unescapePath(String s) {
        return unescape(s, false);
    }

    private static String unescape(String s, boolean plusIsSpace) {
        if (s.indexOf('%') < 0 && (!plusIsSpace || s.indexOf('+') < 0)) {
            return s;
        }
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '%') {
                if (i + 2 >= in.length || hex(in[i + 1]) < 0 || hex(in[i + 2]) < 0) {
                    return null;
                }
                out.write(hex(in[i + 1]) << 4 | hex(in[i + 2]));
                i += 2;
            } else {
                out.write(plusIsSpace && b == '+' ? ' ' : b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        } else if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        } else if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
