package io.shardline.launcher.transfer;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds which lines of a batch the server could not parse from its error text: 1.x reports every
 * such line, in body order, as {@code unable to parse '<line without leading blanks>': <reason>},
 * joined by {@code \n} (inside {@code partial write: ... dropped=0} when other lines were stored).
 * Matching in order makes it linear and exact even for repeated lines. Stateless.
 */
final class ParseErrors {

    /** A line of the batch (by index) and the server's message for it. */
    record Match(int index, String message) {
    }

    private static final String PARTIAL = "partial write: ";
    private static final String DROPPED_NONE = " dropped=0";
    static final String UNABLE = "unable to parse '";

    private ParseErrors() {
    }

    /** Whether {@code error} lists parse errors only (every other line was stored, or none parsed). */
    static boolean isParseReport(String error) {
        return error.startsWith(UNABLE) || (error.startsWith(PARTIAL + UNABLE) && error.endsWith(DROPPED_NONE));
    }

    /** The lines of {@code lines} that {@code error} reports, with their messages. */
    static List<Match> match(List<ImportLine> lines, String error) {
        String text = error;
        if (text.startsWith(PARTIAL)) {
            text = text.substring(PARTIAL.length(), text.length() - DROPPED_NONE.length());
        }
        List<Match> out = new ArrayList<>();
        int p = 0;
        for (int i = 0; i < lines.size() && p < text.length(); i++) {
            String key = UNABLE + stripLeading(lines.get(i).text()) + "': ";
            if (text.startsWith(key, p)) {
                int end = text.indexOf('\n', p + key.length());
                end = end < 0 ? text.length() : end;
                out.add(new Match(i, text.substring(p, end)));
                p = end + 1;
            }
        }
        return out;
    }

    /** The line as 1.x quotes it: without leading spaces, tabs and NULs. */
    static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == 0)) {
            i++;
        }
        return s.substring(i);
    }
}
