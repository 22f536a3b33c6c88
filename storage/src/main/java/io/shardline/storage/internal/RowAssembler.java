package io.shardline.storage.internal;

import io.shardline.model.SeriesKey;
import io.shardline.storage.FieldValue;
import io.shardline.storage.Row;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Turns per-field columns (ascending unique timestamps; null for a field without values) into rows
 * of the requested fields, ascending or descending. Stateless.
 */
public final class RowAssembler {

    private RowAssembler() {
    }

    /** Appends the rows of {@code columns} (one per requested field) to {@code out}. */
    public static void assemble(SeriesKey series, Column[] columns, boolean descending, List<Row> out) {
        int k = columns.length;
        int[] pos = new int[k];
        for (int c = 0; c < k; c++) {
            pos[c] = descending && columns[c] != null ? columns[c].size - 1 : 0;
        }
        while (true) {
            boolean any = false;
            long t = 0;
            for (int c = 0; c < k; c++) {
                Column col = columns[c];
                if (col != null && pos[c] >= 0 && pos[c] < col.size) {
                    long ts = col.ts[pos[c]];
                    if (!any || (descending ? ts > t : ts < t)) {
                        t = ts;
                        any = true;
                    }
                }
            }
            if (!any) {
                return;
            }
            FieldValue[] values = new FieldValue[k];
            for (int c = 0; c < k; c++) {
                Column col = columns[c];
                if (col != null && pos[c] >= 0 && pos[c] < col.size && col.ts[pos[c]] == t) {
                    int i = pos[c];
                    values[c] = new FieldValue(col.type, col.bits[i], col.string(i));
                    pos[c] += descending ? -1 : 1;
                }
            }
            out.add(new Row(series, t, Collections.unmodifiableList(Arrays.asList(values))));
        }
    }
}
