package io.shardline.query.result;

import io.shardline.common.json.GoJson;
import io.shardline.model.GoFloat;
import io.shardline.query.value.Rfc3339;
import io.shardline.query.value.Timestamp;
import io.shardline.query.value.Unsigned;

/**
 * A small streaming JSON writer producing Go's {@code json.Marshal} output, or {@code json.MarshalIndent} with
 * four spaces when pretty ({@code "key": value}, empty containers as {@code []}/{@code {}}). Not thread-safe.
 */
final class JsonOut {

    private final StringBuilder out;
    private final boolean pretty;
    private final int[] counts = new int[64];
    private int depth;

    JsonOut(StringBuilder out, boolean pretty) {
        this.out = out;
        this.pretty = pretty;
    }

    JsonOut beginObject() {
        element();
        out.append('{');
        counts[++depth] = 0;
        return this;
    }

    JsonOut endObject() {
        close('}');
        return this;
    }

    JsonOut beginArray() {
        element();
        out.append('[');
        counts[++depth] = 0;
        return this;
    }

    JsonOut endArray() {
        close(']');
        return this;
    }

    /** Writes a member name; the next call writes its value. */
    JsonOut name(String name) {
        element();
        GoJson.appendQuoted(out, name);
        out.append(pretty ? ": " : ":");
        counts[depth] = -counts[depth];
        return this;
    }

    /** Writes a query value (null, Double, Long, Unsigned, String, Boolean, Timestamp). */
    JsonOut value(Object v) {
        element();
        if (v == null) {
            out.append("null");
        } else if (v instanceof Double d) {
            GoFloat.appendJson(out, d);
        } else if (v instanceof Float f) {
            GoFloat.appendJson(out, f);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Unsigned || v instanceof Boolean) {
            out.append(v);
        } else if (v instanceof Timestamp t) {
            out.append('"');
            Rfc3339.append(out, t.nanos(), t.zone());
            out.append('"');
        } else {
            GoJson.appendQuoted(out, v.toString());
        }
        return this;
    }

    private void element() {
        if (depth == 0) {
            return;
        }
        int c = counts[depth];
        if (c < 0) {
            counts[depth] = -c;
            return;
        }
        if (c > 0) {
            out.append(',');
        }
        if (pretty) {
            newline(depth);
        }
        counts[depth] = c + 1;
    }

    private void close(char bracket) {
        int c = counts[depth--];
        if (pretty && c != 0) {
            newline(depth);
        }
        out.append(bracket);
    }

    private void newline(int level) {
        out.append('\n');
        for (int i = 0; i < level; i++) {
            out.append("    ");
        }
    }
}
