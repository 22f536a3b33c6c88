package io.shardline.storage.memory;

import io.shardline.model.SeriesKey;
import io.shardline.storage.CloseableIterator;
import io.shardline.storage.Row;
import io.shardline.storage.ScanRequest;
import io.shardline.storage.internal.Column;
import io.shardline.storage.internal.RowAssembler;
import io.shardline.storage.internal.Utf8Order;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** Rows of an in-memory shard, copied one series at a time under the store's lock. Confined to one thread. */
final class MemoryRowIterator implements CloseableIterator<Row> {

    private final InMemoryShardStore store;
    private final ScanRequest request;
    private final List<SeriesKey> series;
    private final List<Row> buffer = new ArrayList<>();
    private int nextSeries;
    private int pos;
    private boolean closed;

    MemoryRowIterator(InMemoryShardStore store, ScanRequest request) {
        this.store = store;
        this.request = request;
        this.series = new ArrayList<>();
        for (SeriesKey s : request.series()) {
            if (s.measurement().equals(request.measurement())) {
                series.add(s);
            }
        }
        series.sort(Utf8Order.SERIES);
    }

    @Override
    public boolean hasNext() {
        while (!closed && pos >= buffer.size() && nextSeries < series.size()) {
            buffer.clear();
            pos = 0;
            load(series.get(nextSeries++));
        }
        return !closed && pos < buffer.size();
    }

    private void load(SeriesKey key) {
        synchronized (store) {
            store.guard();
            MemorySeries s = store.data.get(key);
            if (s == null) {
                return;
            }
            List<String> fields = request.fields();
            Column[] cols = new Column[fields.size()];
            for (int i = 0; i < cols.length; i++) {
                Column c = new Column(16);
                cols[i] = s.column(fields.get(i), request.range().min(), request.range().max(), c) ? c : null;
            }
            RowAssembler.assemble(key, cols, request.descending(), buffer);
        }
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return buffer.get(pos++);
    }

    @Override
    public void close() {
        closed = true;
        buffer.clear();
    }
}
