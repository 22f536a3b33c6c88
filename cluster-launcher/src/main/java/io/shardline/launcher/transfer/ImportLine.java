package io.shardline.launcher.transfer;

import java.nio.charset.StandardCharsets;

/**
 * One logical line of an import file, as read (UTF-8 bytes, without its final {@code \n}), and the
 * number of its first physical line (1-based). Kept as bytes so that data lines reach the request
 * body without being decoded; {@link #text()} decodes on demand (DDL, context lines, error
 * reports). Immutable by convention: nobody writes to {@code bytes}.
 */
record ImportLine(long number, byte[] bytes) {

    static ImportLine of(long number, String text) {
        return new ImportLine(number, text.getBytes(StandardCharsets.UTF_8));
    }

    String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    boolean startsWith(byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Not blank and not a comment ({@code #} as the first byte after spaces, tabs, NULs and CRs). */
    boolean isData() {
        return isData(bytes, bytes.length);
    }

    /** {@link #isData()} of {@code b[0, length)}. */
    static boolean isData(byte[] b, int length) {
        for (int i = 0; i < length; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != 0 && c != '\r') {
                return c != '#';
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return number + ": " + text();
    }
}
