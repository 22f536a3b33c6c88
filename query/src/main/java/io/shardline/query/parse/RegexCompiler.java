package io.shardline.query.parse;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles InfluxQL (Go RE2) regexes with {@link Pattern}, translating {@code (?P<name>)} groups and reporting
 * common syntax errors in Go's {@code error parsing regexp} words (Java's extra constructs are not refused).
 * Stateless.
 */
public final class RegexCompiler {

    private RegexCompiler() {
    }

    /**
     * Compiles {@code source}.
     *
     * @throws IllegalArgumentException with a Go-style message when the regex is invalid
     */
    public static Pattern compile(String source) {
        String java = source.replace("(?P<", "(?<");
        try {
            return Pattern.compile(java);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(goMessage(e, source), e);
        }
    }

    private static String goMessage(PatternSyntaxException e, String source) {
        String d = e.getDescription();
        String code;
        String expr = source;
        if (d.startsWith("Unclosed group")) {
            code = "missing closing )";
        } else if (d.startsWith("Unclosed character class")) {
            code = "missing closing ]";
            int open = source.lastIndexOf('[');
            expr = open >= 0 ? source.substring(open) : source;
        } else if (d.startsWith("Dangling meta character")) {
            code = "missing argument to repetition operator";
            int idx = Math.max(0, Math.min(e.getIndex(), source.length() - 1));
            expr = source.substring(idx, idx + 1);
        } else if (d.startsWith("Unmatched closing ')'")) {
            code = "unexpected )";
        } else if (d.startsWith("Illegal character range")) {
            code = "invalid character class range";
        } else if (d.contains("escape sequence")) {
            code = "invalid escape sequence";
        } else {
            code = d.toLowerCase(java.util.Locale.ROOT);
        }
        return "error parsing regexp: " + code + ": `" + expr + "`";
    }
}
