package io.shardline.query.exec;

import io.shardline.query.ast.FillOption;
import io.shardline.query.function.AggregateFunction;
import io.shardline.query.value.Unsigned;
import java.util.List;

/**
 * Fills the empty buckets of one series, per aggregate call, as 1.x's fill iterators: {@code fill(null)} (the
 * default; {@code count} reports 0), a number (cast to the call's value type), {@code previous} (the last real
 * value, null before the first) and {@code linear} (interpolated between real values, null at the edges).
 * {@code fill(none)} is handled by the caller (empty buckets are dropped). Stateless.
 */
final class BucketFiller {

    /** Marks a bucket in which a call produced no value. */
    static final Object MISSING = new Object();

    private BucketFiller() {
    }

    /**
     * Fills {@code values[bucket][call]} in place where it is {@link #MISSING}; {@code times} are the bucket
     * starts in ascending order. {@code previous} carries the value of the bucket before in output order, as 1.x's
     * fill iterator does: the later bucket under ORDER BY time DESC.
     */
    static void fill(long[] times, Object[][] values, List<AggregateFunction> functions, FillOption fill,
            Number fillValue, boolean ascending) {
        for (int c = 0; c < functions.size(); c++) {
            AggregateFunction f = functions.get(c);
            boolean counting = f == AggregateFunction.COUNT || f == AggregateFunction.COUNT_DISTINCT;
            Object sample = firstReal(values, c);
            boolean[] real = new boolean[times.length];
            for (int b = 0; b < times.length; b++) {
                real[b] = isReal(values[b][c]);
            }
            Object prev = null;
            for (int i = 0; i < times.length; i++) {
                int b = ascending ? i : times.length - 1 - i;
                if (values[b][c] != MISSING) {
                    prev = values[b][c];
                    continue;
                }
                values[b][c] = switch (fill) {
                    case NUMBER -> cast(fillValue, sample);
                    case PREVIOUS -> prev;
                    case LINEAR -> linear(times, values, real, b, c);
                    case NONE -> MISSING;
                    default -> counting ? (Object) 0L : null;
                };
            }
            if (fill == FillOption.LINEAR) {
                for (Object[] row : values) {
                    if (row[c] == LINEAR_PENDING) {
                        row[c] = null;
                    }
                }
            }
        }
    }

    private static final Object LINEAR_PENDING = new Object();

    private static Object firstReal(Object[][] values, int c) {
        for (Object[] row : values) {
            if (row[c] != MISSING && row[c] != null) {
                return row[c];
            }
        }
        return null;
    }

    private static Object cast(Number n, Object sample) {
        if (sample instanceof Long) {
            return n.longValue();
        } else if (sample instanceof Unsigned) {
            return new Unsigned(n.longValue());
        } else if (sample instanceof Double) {
            return n.doubleValue();
        }
        return n instanceof Double ? (Object) n.doubleValue() : (Object) n.longValue();
    }

    /**
     * 1.x's {@code linearFloat}/{@code linearInteger} between the nearest values around bucket b that were real
     * before filling ({@code real}): filled buckets never serve as interpolation points.
     */
    private static Object linear(long[] times, Object[][] values, boolean[] real, int b, int c) {
        int p = b - 1;
        while (p >= 0 && !real[p]) {
            p--;
        }
        int n = b + 1;
        while (n < times.length && !real[n]) {
            n++;
        }
        if (p < 0 || n >= times.length) {
            return LINEAR_PENDING;
        }
        Object y0 = values[p][c];
        Object y1 = values[n][c];
        long x = times[b];
        long x0 = times[p];
        long x1 = times[n];
        if (y0 instanceof Long a && y1 instanceof Long z) {
            double m = (double) (z - a) / (double) (x1 - x0);
            return (long) (m * (double) (x - x0) + (double) a);
        } else if (y0 instanceof Double || y1 instanceof Double) {
            double a = ((Number) (y0 instanceof Unsigned u ? u.toDouble() : y0)).doubleValue();
            double z = ((Number) (y1 instanceof Unsigned u ? u.toDouble() : y1)).doubleValue();
            return (z - a) / (double) (x1 - x0) * (double) (x - x0) + a;
        } else if (y0 instanceof Unsigned a && y1 instanceof Unsigned z) {
            double m = new Unsigned(z.bits() - a.bits()).toDouble() / (double) (x1 - x0);
            return Unsigned.fromDouble(m * (double) (x - x0) + a.toDouble());
        }
        return LINEAR_PENDING;
    }

    private static boolean isReal(Object v) {
        return v instanceof Number || v instanceof Unsigned;
    }
}
