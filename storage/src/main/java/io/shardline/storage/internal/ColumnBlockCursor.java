package io.shardline.storage.internal;

import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import io.shardline.storage.FieldBlockCursor;

/**
 * A {@link FieldBlockCursor} over a source that fills one {@link Column} per block: subclasses
 * implement {@link #advance}. Not thread-safe.
 */
public abstract class ColumnBlockCursor implements FieldBlockCursor {

    /** The column subclasses fill. */
    protected final Column column = new Column(256);
    private SeriesKey series;
    private double[] floats = new double[0];
    private boolean closed;

    /** Fills {@link #column} with the next non-empty block and returns its series, or null at the end. */
    protected abstract SeriesKey advance(Column target);

    /** Releases the source. */
    protected abstract void release();

    @Override
    public final boolean next() {
        if (closed) {
            return false;
        }
        series = advance(column);
        if (series == null) {
            return false;
        }
        if (column.type == FieldType.FLOAT) {
            if (floats.length < column.size) {
                floats = new double[Math.max(column.size, floats.length * 2)];
            }
            long[] b = column.bits;
            for (int i = 0; i < column.size; i++) {
                floats[i] = Double.longBitsToDouble(b[i]);
            }
        }
        return true;
    }

    @Override
    public SeriesKey series() {
        return series;
    }

    @Override
    public FieldType type() {
        return column.type;
    }

    @Override
    public int size() {
        return series == null ? 0 : column.size;
    }

    @Override
    public long[] timestamps() {
        return column.ts;
    }

    @Override
    public double[] floats() {
        return column.type == FieldType.FLOAT ? floats : new double[0];
    }

    @Override
    public long[] longs() {
        return column.bits;
    }

    @Override
    public String[] strings() {
        return column.strings == null ? new String[0] : column.strings;
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }

    /** A cursor with no blocks. */
    public static FieldBlockCursor empty() {
        return new ColumnBlockCursor() {
            @Override
            protected SeriesKey advance(Column target) {
                return null;
            }

            @Override
            protected void release() {
            }
        };
    }
}
