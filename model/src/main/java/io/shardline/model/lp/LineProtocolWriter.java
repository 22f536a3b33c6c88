package io.shardline.model.lp;

import io.shardline.model.FieldType;
import io.shardline.model.GoFloat;
import io.shardline.model.Point;
import io.shardline.model.SeriesKey;
import io.shardline.model.internal.Escaping;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Writes points as line protocol in the two forms 1.x produces: the canonical line of
 * {@code NewPoint(...).String()} (fields sorted, floats in Go {@code 'f'} shortest form,
 * {@code <n>i}, {@code <n>u}, quoted strings, ns timestamp), which the parser reads back to an equal
 * point, and the {@code influx_inspect export} form (one line per field, floats in Go {@code 'g'}
 * form such as {@code 1e+06}). Stateless.
 */
public final class LineProtocolWriter {

    private LineProtocolWriter() {
    }

    /** The canonical line of {@code p}, without a newline. */
    public static String toLine(Point p) {
        StringBuilder b = new StringBuilder(64);
        appendLine(b, p);
        return b.toString();
    }

    /** Canonical lines, each followed by {@code \n}, as UTF-8 (a {@code /write} body). */
    public static byte[] toBody(Collection<Point> points) {
        StringBuilder b = new StringBuilder(points.size() * 64);
        for (Point p : points) {
            appendLine(b, p);
            b.append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Appends the canonical line of {@code p} (no newline). */
    public static void appendLine(StringBuilder b, Point p) {
        appendKey(b, p.series());
        b.append(' ');
        for (int i = 0; i < p.fieldCount(); i++) {
            if (i > 0) {
                b.append(',');
            }
            Escaping.appendFieldKey(b, p.fieldKey(i));
            b.append('=');
            appendValue(b, p.fieldType(i), p.rawBits(i), p.fieldType(i) == FieldType.STRING ? p.stringValue(i) : null,
                    false);
        }
        b.append(' ').append(p.timestamp());
    }

    /** Appends the export lines of {@code p}: one per field, each followed by {@code \n}. */
    public static void appendExportLines(StringBuilder b, Point p) {
        for (int i = 0; i < p.fieldCount(); i++) {
            FieldType t = p.fieldType(i);
            appendExportLine(b, p.series(), p.fieldKey(i), t, p.rawBits(i),
                    t == FieldType.STRING ? p.stringValue(i) : null, p.timestamp());
        }
    }

    /**
     * Appends one {@code influx_inspect export} line and {@code \n}: {@code <series key>
     * <escaped field>=<value> <ns timestamp>}. {@code bits} is as in {@link Point#rawBits(int)};
     * {@code string} is used for string fields only.
     */
    public static void appendExportLine(StringBuilder b, SeriesKey series, String fieldKey, FieldType type, long bits,
            String string, long timestamp) {
        appendKey(b, series);
        b.append(' ');
        Escaping.appendFieldKey(b, fieldKey);
        b.append('=');
        appendValue(b, type, bits, string, true);
        b.append(' ').append(timestamp).append('\n');
    }

    /**
     * Appends the key part of a line: the series key, except that a measurement's {@code =} or
     * {@code "} after a backslash is escaped too so that it reads back unchanged.
     */
    public static void appendKey(StringBuilder b, SeriesKey series) {
        Escaping.appendMeasurementLine(b, series.measurement());
        for (int i = 0; i < series.tagCount(); i++) {
            b.append(',');
            Escaping.appendTag(b, series.tagKey(i));
            b.append('=');
            Escaping.appendTag(b, series.tagValue(i));
        }
    }

    private static void appendValue(StringBuilder b, FieldType type, long bits, String string, boolean export) {
        switch (type) {
            case FLOAT -> {
                double v = Double.longBitsToDouble(bits);
                if (export) {
                    GoFloat.appendG(b, v);
                } else {
                    GoFloat.appendF(b, v);
                }
            }
            case INTEGER -> b.append(bits).append('i');
            case UNSIGNED -> b.append(Long.toUnsignedString(bits)).append('u');
            case BOOLEAN -> b.append(bits != 0 ? "true" : "false");
            case STRING -> Escaping.appendQuotedString(b, string);
            default -> throw new AssertionError(type);
        }
    }
}
