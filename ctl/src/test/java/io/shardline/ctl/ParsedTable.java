package io.shardline.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a titled ctl table back into columns the way a script would: the title, the ten-{@code =}
 * underline, a header whose names are separated by two or more spaces, then rows cut at the header's
 * column offsets. Asserts on the way that every cell starts exactly at its column (tabwriter
 * alignment), so a misaligned table fails here.
 */
public record ParsedTable(List<String> header, List<Map<String, String>> rows) {

    private static final Pattern HEADER_CELL = Pattern.compile("\\S+(?: \\S+)*");

    /** The table under {@code title} in {@code output}, up to the next blank line or the end. */
    public static ParsedTable parse(String output, String title) {
        List<String> lines = List.of(output.split("\n", -1));
        int at = lines.indexOf(title);
        assertThat(at).as("title %s in%n%s", title, output).isGreaterThanOrEqualTo(0);
        assertThat(lines.get(at + 1)).isEqualTo("==========");
        List<String> block = new ArrayList<>();
        for (int i = at + 2; i < lines.size() && !lines.get(i).isEmpty(); i++) {
            block.add(lines.get(i));
        }
        return parseBlock(block);
    }

    /** A header line and its rows, without a title. */
    public static ParsedTable parseBlock(List<String> block) {
        String headerLine = block.get(0);
        List<String> names = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        Matcher m = HEADER_CELL.matcher(headerLine);
        while (m.find()) {
            names.add(m.group());
            starts.add(m.start());
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : block.subList(1, block.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < names.size(); c++) {
                int start = starts.get(c);
                boolean last = c == names.size() - 1;
                if (start > line.length()) {
                    assertThat(last).as("only the last column may be missing: %s", line).isTrue();
                    row.put(names.get(c), "");
                    continue;
                }
                int end = last ? line.length() : Math.min(starts.get(c + 1), line.length());
                String cell = line.substring(start, end);
                if (start > 0) {
                    assertThat(line.substring(start - 2, start)).as("two spaces before column %s in '%s'",
                            names.get(c), line).isEqualTo("  ");
                }
                assertThat(cell.isEmpty() || cell.charAt(0) != ' ' || cell.isBlank())
                        .as("cell of %s starts at its column in '%s'", names.get(c), line).isTrue();
                row.put(names.get(c), cell.strip());
            }
            rows.add(row);
        }
        return new ParsedTable(names, rows);
    }

    /** The values of one column, top to bottom. */
    public List<String> column(String name) {
        return rows.stream().map(r -> r.get(name)).toList();
    }

    /** The row whose {@code column} is {@code value}. */
    public Map<String, String> row(String column, String value) {
        return rows.stream().filter(r -> value.equals(r.get(column))).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + column + "=" + value + " in " + rows));
    }
}
