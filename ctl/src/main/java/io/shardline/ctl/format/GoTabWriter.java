package io.shardline.ctl.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code text/tabwriter} as influxd-ctl uses it, as a pure function from text to aligned text.
 * Cells are terminated by {@code '\t'}, lines by {@code '\n'}; the last cell of a line (the text after
 * its last tab) is not part of any column and is never padded. A column is aligned over a "column
 * block": consecutive lines that all have a tab-terminated cell in that column, so a line with fewer
 * cells (a title, a blank line) starts new blocks. Width is counted in code points, as Go counts
 * runes. Stateless and immutable.
 *
 * <p>The ctl tables use {@link #STANDARD}: {@code tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)} (minwidth 0,
 * tabwidth 8, padding 2, padded with spaces). That is what the reference samples of {@code show-shards},
 * {@code copy-shard-status}, {@code entropy show} and the Raft Status block show: every column is as
 * wide as its widest cell plus two spaces.
 */
public final class GoTabWriter {

    /** minwidth 0, tabwidth 8, padding 2, space padding: the layout of every ctl table. */
    public static final GoTabWriter STANDARD = new GoTabWriter(0, 8, 2, ' ');

    private final int minWidth;
    private final int tabWidth;
    private final int padding;
    private final char padChar;

    /** Like Go's {@code NewWriter(output, minwidth, tabwidth, padding, padchar, 0)}. */
    public GoTabWriter(int minWidth, int tabWidth, int padding, char padChar) {
        if (minWidth < 0 || tabWidth < 0 || padding < 0) {
            throw new IllegalArgumentException("negative tabwriter setting");
        }
        this.minWidth = minWidth;
        this.tabWidth = tabWidth;
        this.padding = padding;
        this.padChar = padChar;
    }

    /** Aligns {@code text} exactly as writing it to a Go tabwriter and flushing would. */
    public String format(String text) {
        List<List<String>> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(new ArrayList<>(List.of(line.split("\t", -1))));
        }
        // A newline terminates the cell before it even when empty; a flush only a non-empty one. So
        // the text after the last newline (or a tab at the very end) adds no empty cell.
        List<String> last = lines.get(lines.size() - 1);
        if (last.get(last.size() - 1).isEmpty()) {
            last.remove(last.size() - 1);
        }
        StringBuilder out = new StringBuilder(text.length() * 2);
        format(lines, out, new ArrayList<>(), 0, lines.size());
        return out.toString();
    }

    /** Joins each row's cells with tabs and the rows with newlines, then aligns; ends with a newline. */
    public String table(List<List<String>> rows) {
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            text.append(String.join("\t", row)).append('\n');
        }
        return format(text.toString());
    }

    /** Go's {@code Writer.format}: finds the column blocks of column {@code widths.size()} and recurses. */
    private void format(List<List<String>> lines, StringBuilder out, List<Integer> widths, int line0, int line1) {
        int column = widths.size();
        int start = line0;
        for (int i = line0; i < line1; i++) {
            if (column >= lines.get(i).size() - 1) {
                continue;
            }
            // A cell exists in this column: print the lines before the block, then measure the block.
            writeLines(lines, out, widths, start, i);
            start = i;
            int width = minWidth;
            for (; i < line1; i++) {
                List<String> line = lines.get(i);
                if (column >= line.size() - 1) {
                    break;
                }
                width = Math.max(width, width(line.get(column)) + padding);
            }
            widths.add(width);
            format(lines, out, widths, start, i);
            widths.remove(widths.size() - 1);
            start = i;
        }
        writeLines(lines, out, widths, start, line1);
    }

    private void writeLines(List<List<String>> lines, StringBuilder out, List<Integer> widths, int from, int to) {
        for (int i = from; i < to; i++) {
            List<String> line = lines.get(i);
            for (int j = 0; j < line.size(); j++) {
                String cell = line.get(j);
                out.append(cell);
                if (j < widths.size()) {
                    pad(out, width(cell), widths.get(j));
                }
            }
            if (i + 1 < lines.size()) {
                out.append('\n');
            }
        }
    }

    private void pad(StringBuilder out, int textWidth, int cellWidth) {
        if (padChar == '\t') {
            if (tabWidth == 0) {
                return; // tabs have no width: Go cannot pad
            }
            int rounded = (cellWidth + tabWidth - 1) / tabWidth * tabWidth;
            int tabs = (rounded - textWidth + tabWidth - 1) / tabWidth;
            out.append("\t".repeat(tabs));
            return;
        }
        out.append(String.valueOf(padChar).repeat(cellWidth - textWidth));
    }

    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
