package io.shardline.query.result;

import io.shardline.model.GoFloat;
import io.shardline.query.value.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code /query} responses as CSV like 1.x's {@code csvFormatter}: a {@code name,tags,<columns>} header
 * per statement (repeated when the columns change), tags as an escaped {@code k=v,k2=v2} key, floats in
 * {@code 'f'} form, times as nanosecond integers (or the epoch unit), statements without series skipped and
 * statement errors not written. Quoting as Go's {@code encoding/csv}. One instance per response (it remembers
 * the statement and header across chunks); not thread-safe.
 */
public final class CsvFormatter {

    private int statementId = -1;
    private List<String> header;

    /** The CSV text for one response or chunk. */
    public String write(List<Result> results, EpochFormat epoch) {
        StringBuilder b = new StringBuilder(256);
        for (Result r : results) {
            if (r.statementId() != statementId) {
                if (r.series().isEmpty()) {
                    continue;
                }
                if (statementId >= 0) {
                    b.append('\n');
                }
                statementId = r.statementId();
                header = r.series().get(0).columns();
                writeHeader(b, header);
            }
            for (int i = 0; i < r.series().size(); i++) {
                Series s = r.series().get(i);
                if (i > 0 && !r.series().get(i - 1).columns().equals(s.columns())) {
                    b.append('\n');
                    header = s.columns();
                    writeHeader(b, header);
                }
                writeRows(b, s, epoch);
            }
        }
        return b.toString();
    }

    /** A top-level error: {@code error\n<message>\n}. */
    public static String error(String message) {
        StringBuilder b = new StringBuilder();
        record(b, List.of("error"));
        record(b, List.of(message));
        return b.toString();
    }

    private static void writeHeader(StringBuilder b, List<String> columns) {
        List<String> cells = new ArrayList<>(columns.size() + 2);
        cells.add("name");
        cells.add("tags");
        cells.addAll(columns);
        record(b, cells);
    }

    private static void writeRows(StringBuilder b, Series s, EpochFormat epoch) {
        String tags = tagKey(s.tags());
        for (List<Object> row : s.values()) {
            List<String> cells = new ArrayList<>(row.size() + 2);
            cells.add(s.name());
            cells.add(tags);
            for (int i = 0; i < row.size(); i++) {
                cells.add(cell(i == 0 ? TagOrder.epochValue(row.get(0), epoch) : row.get(i)));
            }
            record(b, cells);
        }
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        } else if (v instanceof Double d) {
            return GoFloat.formatF(d);
        } else if (v instanceof Timestamp t) {
            return Long.toString(t.nanos());
        }
        return v.toString();
    }

    /** 1.x's tags hash key without the leading comma: {@code k=v,k2=v2}, escaping {@code , = space}. */
    static String tagKey(Map<String, String> tags) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : TagOrder.sorted(tags)) {
            if (b.length() > 0) {
                b.append(',');
            }
            escape(b, e.getKey());
            b.append('=');
            escape(b, e.getValue());
        }
        return b.toString();
    }

    private static void escape(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '=' || c == ' ') {
                b.append('\\');
            }
            b.append(c);
        }
    }

    private static void record(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            field(b, cells.get(i));
        }
        b.append('\n');
    }

    private static void field(StringBuilder b, String f) {
        if (!needsQuotes(f)) {
            b.append(f);
            return;
        }
        b.append('"');
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            b.append(c == '"' ? "\"\"" : String.valueOf(c));
        }
        b.append('"');
    }

    private static boolean needsQuotes(String f) {
        if (f.isEmpty()) {
            return false;
        }
        if (f.equals("\\.")) {
            return true;
        }
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c == '\n' || c == '\r' || c == '"' || c == ',') {
                return true;
            }
        }
        int first = f.codePointAt(0);
        return first == '\t' || first == '\n' || first == 0x0B || first == '\f' || first == '\r' || first == ' '
                || first == 0x85 || first == 0xA0 || Character.getType(first) == Character.SPACE_SEPARATOR
                || Character.getType(first) == Character.LINE_SEPARATOR
                || Character.getType(first) == Character.PARAGRAPH_SEPARATOR;
    }
}
