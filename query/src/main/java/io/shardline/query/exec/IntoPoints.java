package io.shardline.query.exec;

import io.shardline.model.Point;
import io.shardline.model.PointBuilder;
import io.shardline.query.result.Series;
import io.shardline.query.value.Timestamp;
import io.shardline.query.value.Unsigned;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the series of a {@code SELECT ... INTO} back into points, as 1.x's {@code convertRowToPoints}: the
 * {@code time} column is the timestamp, every other column a field (a tag projected by a raw query becomes a
 * string field), the series' tags (kept by {@code GROUP BY} tags or {@code *}) the point's tags. Null and
 * non-finite values are left out; a row left without fields, or that cannot be stored, is dropped. Stateless.
 */
public final class IntoPoints {

    private IntoPoints() {
    }

    /**
     * @param measurement the target measurement, or empty for the series' own name ({@code :MEASUREMENT})
     * @throws IllegalArgumentException when the series has no {@code time} column
     */
    public static List<Point> of(String measurement, Series series) {
        String name = measurement.isEmpty() ? series.name() : measurement;
        int timeIndex = series.columns().indexOf("time");
        if (timeIndex < 0) {
            throw new IllegalArgumentException("error finding time index in result");
        }
        List<Point> out = new ArrayList<>(series.values().size());
        for (List<Object> row : series.values()) {
            Point p = point(name, series, timeIndex, row);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    private static Point point(String name, Series series, int timeIndex, List<Object> row) {
        PointBuilder b = Point.builder(name).tags(series.tags());
        int fields = 0;
        for (int i = 0; i < row.size(); i++) {
            if (i != timeIndex && field(b, series.columns().get(i), row.get(i))) {
                fields++;
            }
        }
        if (fields == 0) {
            return null;
        }
        Object t = row.get(timeIndex);
        long nanos = t instanceof Timestamp ts ? ts.nanos() : ((Number) t).longValue();
        try {
            return b.timestamp(nanos).build();
        } catch (IllegalArgumentException e) {
            return null; // 1.x drops points that cannot be stored
        }
    }

    private static boolean field(PointBuilder b, String key, Object v) {
        if (v instanceof Double d) {
            if (!Double.isFinite(d)) {
                return false;
            }
            b.floatField(key, d);
        } else if (v instanceof Long l) {
            b.integerField(key, l);
        } else if (v instanceof Unsigned u) {
            b.unsignedField(key, u.bits());
        } else if (v instanceof String s) {
            b.stringField(key, s);
        } else if (v instanceof Boolean bool) {
            b.booleanField(key, bool);
        } else if (v instanceof Timestamp ts) {
            b.integerField(key, ts.nanos());
        } else {
            return false;
        }
        return true;
    }
}
