package io.shardline.common.http;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code [http] access-log-status-filters} entry as InfluxDB 1.8 reads it: three characters, a
 * digit 1-5 then digits or {@code x}/{@code X} ({@code 5xx}, {@code 404}, {@code 40x}); matches a
 * status whose leading digits equal the given ones. Immutable.
 */
public record StatusFilter(int base, int divisor) {

    private static final Pattern FORMAT = Pattern.compile("^([1-5]\\d*)([xX]*)$");

    /** Parses a filter; the messages are 1.8's. */
    public static StatusFilter parse(String s) {
        Matcher m = FORMAT.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "status filter must be a digit that starts with 1-5 optionally followed by X characters");
        }
        if (s.length() != 3) {
            throw new IllegalArgumentException("status filter must be exactly 3 characters long");
        }
        int divisor = (int) Math.pow(10, m.group(2).length());
        return new StatusFilter(Integer.parseInt(m.group(1)), divisor);
    }

    public boolean matches(int status) {
        return status / divisor == base;
    }

    /** Whether any filter matches; no filters match everything (1.8's {@code StatusFilters.Match}). */
    public static boolean anyMatches(List<StatusFilter> filters, int status) {
        return filters.isEmpty() || filters.stream().anyMatch(f -> f.matches(status));
    }
}
