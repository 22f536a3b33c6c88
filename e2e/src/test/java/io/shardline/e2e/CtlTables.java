package io.shardline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code shardline-ctl} tables the way an operator's script would: a title line, a
 * {@code ==========} underline, a header whose column names are separated by two or more spaces, and
 * rows cut at the header's column offsets, up to the first blank line. Stateless.
 */
final class CtlTables {

    private static final Pattern COLUMN_NAME = Pattern.compile("\\S+(?: \\S+)*");

    private CtlTables() {
    }

    /** The rows of the table titled {@code title} in {@code output}; fails the test if there is none. */
    static List<Map<String, String>> table(String output, String title) {
        List<String> lines = List.of(output.split("\n", -1));
        int at = lines.indexOf(title);
        assertThat(at).as("%s in%n%s", title, output).isNotNegative();
        assertThat(lines.get(at + 1)).isEqualTo("==========");
        List<String> body = new ArrayList<>();
        for (int i = at + 3; i < lines.size() && !lines.get(i).isEmpty(); i++) {
            body.add(lines.get(i));
        }
        return rows(lines.get(at + 2), body);
    }

    /** The non-blank {@code lines} cut at the offsets of {@code header}'s column names. */
    static List<Map<String, String>> rows(String header, List<String> lines) {
        List<String> names = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        Matcher m = COLUMN_NAME.matcher(header);
        while (m.find()) {
            names.add(m.group());
            starts.add(m.start());
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < names.size(); c++) {
                int start = Math.min(starts.get(c), line.length());
                int end = c == names.size() - 1 ? line.length() : Math.min(starts.get(c + 1), line.length());
                row.put(names.get(c), line.substring(start, end).strip());
            }
            rows.add(row);
        }
        return rows;
    }

    /** The first row whose {@code column} is {@code value}; fails the test if there is none. */
    static Map<String, String> row(List<Map<String, String>> table, String column, String value) {
        return table.stream().filter(r -> value.equals(r.get(column))).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + column + "=" + value + " in " + table));
    }
}
