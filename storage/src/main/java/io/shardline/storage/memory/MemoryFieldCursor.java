package io.shardline.storage.memory;

import io.shardline.model.SeriesKey;
import io.shardline.storage.FieldScanRequest;
import io.shardline.storage.internal.Column;
import io.shardline.storage.internal.ColumnBlockCursor;
import io.shardline.storage.internal.Utf8Order;
import java.util.ArrayList;
import java.util.List;

/**
 * One block per series of an in-memory shard, copied under the store's lock (for a first/last-only request,
 * the block's first/last value). Confined to one thread.
 */
final class MemoryFieldCursor extends ColumnBlockCursor {

    private final InMemoryShardStore store;
    private final FieldScanRequest request;
    private final List<SeriesKey> series = new ArrayList<>();
    private int next;

    MemoryFieldCursor(InMemoryShardStore store, FieldScanRequest request) {
        this.store = store;
        this.request = request;
        for (SeriesKey s : request.series()) {
            if (s.measurement().equals(request.measurement())) {
                series.add(s);
            }
        }
        series.sort(Utf8Order.SERIES);
    }

    @Override
    protected SeriesKey advance(Column target) {
        while (next < series.size()) {
            SeriesKey key = series.get(next++);
            synchronized (store) {
                store.guard();
                MemorySeries s = store.data.get(key);
                if (s != null && s.column(request.field(), request.range().min(), request.range().max(), target)) {
                    if (request.pick() != FieldScanRequest.Pick.ALL) {
                        target.keepEnd(request.pick() == FieldScanRequest.Pick.LAST);
                    }
                    return key;
                }
            }
        }
        return null;
    }

    @Override
    protected void release() {
    }
}
