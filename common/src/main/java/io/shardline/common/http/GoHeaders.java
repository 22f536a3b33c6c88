package io.shardline.common.http;

import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;

/**
 * Response headers as Go's {@code net/http} writes them (the server InfluxDB 1.x runs on), so any
 * text, even a client's own bytes echoed in an error, can travel in a header: keys in canonical
 * MIME form ({@code X-InfluxDB-Error} is sent as {@code X-Influxdb-Error}); values as UTF-8 bytes
 * with every CR and LF replaced by a space and leading and trailing spaces and tabs trimmed
 * ({@code Header.writeSubset}: {@code headerNewlineToSpace} then {@code textproto.TrimString}).
 * Other control bytes pass unchanged, as Go sends them. Stateless.
 */
public final class GoHeaders {

    private GoHeaders() {
    }

    /**
     * The bytes Go would put on the wire for {@code value}, as an {@link AsciiString} (Netty writes
     * its bytes verbatim; a {@link String} with non-Latin-1 characters would not survive).
     */
    public static AsciiString value(CharSequence value) {
        byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\r' || bytes[i] == '\n') {
                bytes[i] = ' ';
            }
        }
        int start = 0;
        int end = bytes.length;
        while (start < end && isSpace(bytes[start])) {
            start++;
        }
        while (end > start && isSpace(bytes[end - 1])) {
            end--;
        }
        return new AsciiString(bytes, start, end - start, false);
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    /**
     * Go's {@code CanonicalMIMEHeaderKey}: the first letter and every letter after a hyphen upper
     * case, the rest lower case; a key with a byte outside the token set is returned unchanged.
     */
    public static String canonicalKey(String key) {
        for (int i = 0; i < key.length(); i++) {
            if (!isTokenChar(key.charAt(i))) {
                return key;
            }
        }
        char[] out = key.toCharArray();
        boolean upper = true;
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (upper && c >= 'a' && c <= 'z') {
                out[i] = (char) (c - 32);
            } else if (!upper && c >= 'A' && c <= 'Z') {
                out[i] = (char) (c + 32);
            }
            upper = c == '-';
        }
        return new String(out);
    }

    private static boolean isTokenChar(char c) {
        return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }

    /**
     * The longest prefix of {@code text} that is at most {@code maxBytes} bytes of UTF-8 and ends on
     * a character boundary (InfluxDB cuts {@code X-InfluxDB-Error} at 1024 bytes; Go may cut inside a
     * character, which a Java string cannot hold, so Shardline stops before it).
     */
    public static String truncateUtf8(String text, int maxBytes) {
        if (text.length() * 3L <= maxBytes) {
            return text;
        }
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + n > maxBytes) {
                return text.substring(0, i);
            }
            bytes += n;
            i += Character.charCount(cp);
        }
        return text;
    }
}
