package io.shardline.query.result;

import java.util.List;
import java.util.Map;

/**
 * Writes {@code /query} responses as InfluxDB 1.x does ({@code services/httpd/response_writer.go}): member order
 * {@code statement_id, series, messages, partial, error} and {@code name, tags, columns, values, partial}, empty
 * members omitted, Go number formatting, RFC3339Nano times or epoch integers in the first column, every body
 * followed by a newline. Stateless.
 */
public final class JsonFormatter {

    private JsonFormatter() {
    }

    /** {@code {"results":[...]}\n} for the given results. */
    public static String response(List<Result> results, EpochFormat epoch, boolean pretty) {
        StringBuilder b = new StringBuilder(256);
        write(b, results, epoch, pretty, null);
        return b.toString();
    }

    /**
     * {@link #response} as UTF-8 bytes, encoded a piece at a time (every {@link Utf8Pieces#PIECE} characters): an
     * answer of many series is never held as one growing StringBuilder, one String and its bytes at once. The
     * builder starts small and grows to about a piece only for an answer that large (it is emptied, not shrunk,
     * after each piece): reserving a whole piece up front cost every short query 80 KB of garbage.
     */
    public static byte[] responseBytes(List<Result> results, EpochFormat epoch, boolean pretty) {
        StringBuilder b = new StringBuilder(1024);
        Utf8Pieces pieces = new Utf8Pieces();
        write(b, results, epoch, pretty, pieces);
        return pieces.finish(b);
    }

    /** The body into {@code b}; with {@code pieces}, {@code b} is handed to it between series. */
    private static void write(StringBuilder b, List<Result> results, EpochFormat epoch, boolean pretty,
                              Utf8Pieces pieces) {
        JsonOut out = new JsonOut(b, pretty).beginObject();
        if (!results.isEmpty()) {
            out.name("results").beginArray();
            for (Result r : results) {
                writeResult(out, r, epoch, b, pieces);
            }
            out.endArray();
        }
        out.endObject();
        b.append('\n');
    }

    /** One chunk of a chunked response: {@code {"results":[<r>]}\n}. */
    public static String chunk(Result result, EpochFormat epoch, boolean pretty) {
        return response(List.of(result), epoch, pretty);
    }

    /** A top-level error body: {@code {"error":"..."}\n}. */
    public static String error(String message, boolean pretty) {
        StringBuilder b = new StringBuilder(message.length() + 16);
        new JsonOut(b, pretty).beginObject().name("error").value(message).endObject();
        return b.append('\n').toString();
    }

    private static void writeResult(JsonOut out, Result r, EpochFormat epoch, StringBuilder b, Utf8Pieces pieces) {
        out.beginObject().name("statement_id").value((long) r.statementId());
        if (!r.series().isEmpty()) {
            out.name("series").beginArray();
            for (Series s : r.series()) {
                writeSeries(out, s, epoch);
                if (pieces != null) {
                    pieces.takeIfFull(b);
                }
            }
            out.endArray();
        }
        if (!r.messages().isEmpty()) {
            out.name("messages").beginArray();
            for (Message m : r.messages()) {
                out.beginObject().name("level").value(m.level()).name("text").value(m.text()).endObject();
            }
            out.endArray();
        }
        if (r.partial()) {
            out.name("partial").value(true);
        }
        if (r.error() != null && !r.error().isEmpty()) {
            out.name("error").value(r.error());
        }
        out.endObject();
    }

    private static void writeSeries(JsonOut out, Series s, EpochFormat epoch) {
        out.beginObject();
        if (!s.name().isEmpty()) {
            out.name("name").value(s.name());
        }
        if (!s.tags().isEmpty()) {
            out.name("tags").beginObject();
            for (Map.Entry<String, String> e : TagOrder.sorted(s.tags())) {
                out.name(e.getKey()).value(e.getValue());
            }
            out.endObject();
        }
        if (!s.columns().isEmpty()) {
            out.name("columns").beginArray();
            List<String> columns = s.columns(); // indexed: no iterator per series of a large answer
            for (int i = 0; i < columns.size(); i++) {
                out.value(columns.get(i));
            }
            out.endArray();
        }
        if (!s.values().isEmpty()) {
            out.name("values").beginArray();
            List<List<Object>> rows = s.values();
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                out.beginArray();
                for (int i = 0; i < row.size(); i++) {
                    out.value(i == 0 ? TagOrder.epochValue(row.get(0), epoch) : row.get(i));
                }
                out.endArray();
            }
            out.endArray();
        }
        if (s.partial()) {
            out.name("partial").value(true);
        }
        out.endObject();
    }
}
