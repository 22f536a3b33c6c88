package io.shardline.datanode.http;

import io.shardline.common.http.HttpRequestView;
import io.shardline.common.time.SecondsFormat;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One access-log line in InfluxDB 1.x's format (Apache's {@code %h %l %u %t "%r" %>s %b
 * "%{Referer}i" "%{User-agent}i"} plus the request id and the response time in microseconds):
 * {@code 127.0.0.1 - - [06/Dec/2026:20:01:59 +0000] "GET /ping HTTP/1.1" 204 0 "-" "curl/7.88.1"
 * <request id> 135}. As in 1.x, a {@code p} parameter is logged as {@code [REDACTED]} and the query
 * string of {@code /query} is re-encoded with passwords in {@code q} masked (which sorts the
 * parameters). Stateless.
 */
public final class AccessLogLine {

    private static final SecondsFormat CLF_TIME = new SecondsFormat(DateTimeFormatter.ofPattern(
            "dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT));
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final Pattern SET_PASSWORD = Pattern.compile("(?i)password\\s+for[^=]*=\\s+([\"']?[^\\s\"]+[\"']?)");
    private static final Pattern CREATE_PASSWORD = Pattern.compile("(?i)with\\s+password\\s+([\"']?[^\\s\"]+[\"']?)");

    private AccessLogLine() {
    }

    /**
     * @param startMillis wall-clock time the request arrived
     * @param micros how long it took
     */
    public static String format(HttpRequestView r, int status, long bytes, String requestId, long startMillis,
                                long micros, ZoneId zone) {
        return format(r, uri(r), status, bytes, requestId, startMillis, micros, zone);
    }

    /** {@link #format(HttpRequestView, int, long, String, long, long, ZoneId)} with the URI as logged already. */
    static String format(HttpRequestView r, String loggedUri, int status, long bytes, String requestId,
                         long startMillis, long micros, ZoneId zone) {
        String host = r.remoteHost();
        String forwarded = r.header("X-Forwarded-For");
        if (forwarded != null) {
            host = forwarded + "," + host;
        }
        String referer = r.header("Referer");
        String agent = r.header("User-Agent");
        return host + " - " + dash(username(r)) + " [" + CLF_TIME.format(startMillis, zone)
                + "] \"" + r.method() + " " + loggedUri + " " + r.protocol() + "\" " + status + " " + bytes + " \""
                + dash(referer) + "\" \"" + dash(agent) + "\" " + (requestId == null ? "" : requestId) + " " + micros;
    }

    /**
     * The logged form ({@link #uri}) of recent request URIs with a query string, which is a function of the URI
     * alone: a client repeating a query is re-encoded and password-checked once per distinct URI instead of once
     * per request. URIs longer than {@link #MAX_CHARS} are encoded every time and never kept; at most
     * {@link #MAX_ENTRIES} are. Thread-safe.
     */
    static final class LoggedUris {

        static final int MAX_ENTRIES = TextCache.MAX_ENTRIES;
        static final int MAX_CHARS = TextCache.MAX_TEXT_CHARS;

        private final TextCache<String> cache = new TextCache<>();

        /** {@link AccessLogLine#uri(HttpRequestView)}, from the cache when the URI was seen before. */
        String of(HttpRequestView r) {
            String raw = r.uri();
            return raw.indexOf('?') < 0 ? uri(r) : cache.get(raw, ignored -> uri(r));
        }
    }

    /** The request URI as 1.x logs it. */
    static String uri(HttpRequestView r) {
        String raw = r.uri();
        int q = raw.indexOf('?');
        if (q < 0) {
            return raw;
        }
        boolean redactP = r.param("p") != null && !r.param("p").isEmpty();
        if (!redactP && !"/query".equals(r.path())) {
            return raw;
        }
        Map<String, List<String>> params = new TreeMap<>(r.params());
        StringBuilder b = new StringBuilder(raw.substring(0, q));
        String sep = "?";
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            for (String v : e.getValue()) {
                String value = "p".equals(e.getKey()) && redactP ? "[REDACTED]"
                        : "q".equals(e.getKey()) && "/query".equals(r.path()) ? sanitize(v) : v;
                b.append(sep).append(queryEscape(e.getKey())).append('=').append(queryEscape(value));
                sep = "&";
            }
        }
        return sep.equals("?") ? raw.substring(0, q) + "?" : b.toString();
    }

    /** InfluxQL's {@code Sanitize}: passwords in SET PASSWORD and CREATE USER ... WITH PASSWORD become [REDACTED]. */
    static String sanitize(String query) {
        if (!containsPassword(query)) {
            return query; // both patterns need the word: most queries skip the two regex passes
        }
        return redact(redact(query, SET_PASSWORD), CREATE_PASSWORD);
    }

    /** Whether {@code query} has {@code password} in any case, as both patterns require. */
    private static boolean containsPassword(String query) {
        for (int i = query.length() - 8; i >= 0; i--) {
            if (query.regionMatches(true, i, "password", 0, 8)) {
                return true;
            }
        }
        return false;
    }

    private static String redact(String query, Pattern pattern) {
        Matcher m = pattern.matcher(query);
        StringBuilder b = new StringBuilder();
        int last = 0;
        while (m.find()) {
            b.append(query, last, m.start(1)).append("[REDACTED]");
            last = m.end(1);
        }
        return b.append(query.substring(last)).toString();
    }

    /** Go's {@code url.QueryEscape}: like Java's form encoding but {@code *} escaped and {@code ~} kept. */
    static String queryEscape(String s) {
        int i = 0;
        while (i < s.length() && unreserved(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8); // an unpaired surrogate becomes '?', as URLEncoder has it
        StringBuilder b = new StringBuilder(bytes.length + 16);
        for (byte x : bytes) {
            int c = x & 0xff;
            if (unreserved(c)) {
                b.append((char) c);
            } else if (c == ' ') {
                b.append('+');
            } else {
                b.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return b.toString();
    }

    /** Go's unreserved characters, which {@code QueryEscape} keeps. */
    private static boolean unreserved(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
                || c == '~';
    }

    private static String username(HttpRequestView r) {
        String u = r.param("u");
        if (u != null && !u.isEmpty()) {
            return u;
        }
        String auth = r.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? "" : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        return "";
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
