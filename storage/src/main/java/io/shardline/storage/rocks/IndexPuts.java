package io.shardline.storage.rocks;

import java.util.Arrays;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * The index entries one write batch adds for the series it makes live, kept per kind of entry ("stream":
 * the {@code k}, {@code s} and {@code m} entries, one stream per tag position for the {@code t} entries) and
 * handed to the write batch stream by stream, each in key order.
 *
 * <p>Why: RocksDB inserts a batch into the memtable's skip list in batch order, and an insert next to the
 * previous one reuses that one's search path (the skip list's "splice"), while an insert elsewhere searches
 * from the top, missing the CPU cache at most levels. Written series by series, a new series' six or so
 * entries land in six places of the index, so every insert was a full search: about a third of the HTTP
 * workers' CPU in a load of new series. In key order within a stream consecutive inserts are neighbours.
 * The {@code s} and {@code m} entries come in id order already (a stream added in order is not sorted);
 * {@code k} and {@code t} entries are sorted, which costs far less than the searches it saves.
 *
 * <p>Reordering changes nothing RocksDB stores: the batch is applied atomically, and no key is put twice
 * within it (a series is made live at most once per batch); should one be, the stable sort keeps the later put
 * after the earlier. Entries other code writes to the same batch are never the same keys as these. Not
 * thread-safe; one per write batch, under the store's write lock.
 */
final class IndexPuts {

    /** The stream of the {@code k} entries. */
    static final int SERIES_BY_KEY = 0;
    /** The stream of the {@code s} entries. */
    static final int SERIES_BY_ID = 1;
    /** The stream of the {@code m} entries. */
    static final int LIVE_SERIES = 2;

    private Stream[] streams = new Stream[0];
    private int size;

    /** The stream of the {@code t} entries of the {@code i}-th tag of a series. */
    static int tag(int i) {
        return 3 + i;
    }

    /** Adds {@code key -> value} to {@code stream}. */
    void put(int stream, byte[] key, byte[] value) {
        if (stream >= streams.length) {
            streams = Arrays.copyOf(streams, Math.max(stream + 1, 2 * streams.length));
        }
        Stream s = streams[stream];
        if (s == null) {
            s = streams[stream] = new Stream();
        }
        s.add(key, value);
        size++;
    }

    /** The number of entries added since the last {@link #addTo}. */
    int size() {
        return size;
    }

    /** Puts every entry into {@code cf} of {@code batch}, stream by stream in key order, and forgets them. */
    void addTo(WriteBatch batch, ColumnFamilyHandle cf) throws RocksDBException {
        drainTo((key, value) -> batch.put(cf, key, value));
    }

    /** Hands every entry to {@code sink}, stream by stream in key order, and forgets them. */
    void drainTo(Sink sink) throws RocksDBException {
        for (Stream s : streams) {
            if (s != null) {
                s.drainTo(sink);
            }
        }
        size = 0;
    }

    /** Where {@link #drainTo} hands the entries. */
    @FunctionalInterface
    interface Sink {
        void put(byte[] key, byte[] value) throws RocksDBException;
    }

    private static final class Stream {
        private byte[][] keys = new byte[16][];
        private byte[][] values = new byte[16][];
        private int n;
        private boolean ordered = true;

        void add(byte[] key, byte[] value) {
            if (n == keys.length) {
                keys = Arrays.copyOf(keys, 2 * n);
                values = Arrays.copyOf(values, 2 * n);
            }
            if (n > 0 && ordered && Arrays.compareUnsigned(keys[n - 1], key) > 0) {
                ordered = false;
            }
            keys[n] = key;
            values[n] = value;
            n++;
        }

        void drainTo(Sink sink) throws RocksDBException {
            if (ordered) {
                for (int i = 0; i < n; i++) {
                    sink.put(keys[i], values[i]);
                }
            } else {
                int[] order = new int[n];
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                sort(order, new int[n], 0, n);
                for (int i : order) {
                    sink.put(keys[i], values[i]);
                }
            }
            Arrays.fill(keys, 0, n, null);
            Arrays.fill(values, 0, n, null);
            n = 0;
            ordered = true;
        }

        /**
         * Sorts positions {@code order[from, to)} by their keys, unsigned: a stable merge sort (a key put twice
         * keeps its puts in the order they were made) that skips the merge of two halves already in order, so
         * sorted runs cost one comparison each. Not {@code Arrays.sort} with a comparator: its generic TimSort,
         * shared with every other caller, was compiled and deoptimized again and again by the JIT during a load.
         */
        private void sort(int[] order, int[] scratch, int from, int to) {
            if (to - from <= 12) {
                for (int i = from + 1; i < to; i++) {
                    int x = order[i];
                    int j = i - 1;
                    while (j >= from && Arrays.compareUnsigned(keys[order[j]], keys[x]) > 0) {
                        order[j + 1] = order[j];
                        j--;
                    }
                    order[j + 1] = x;
                }
                return;
            }
            int mid = (from + to) >>> 1;
            sort(order, scratch, from, mid);
            sort(order, scratch, mid, to);
            if (Arrays.compareUnsigned(keys[order[mid - 1]], keys[order[mid]]) <= 0) {
                return;
            }
            System.arraycopy(order, from, scratch, from, to - from);
            int a = from;
            int b = mid;
            for (int i = from; i < to; i++) {
                if (b >= to || (a < mid && Arrays.compareUnsigned(keys[scratch[a]], keys[scratch[b]]) <= 0)) {
                    order[i] = scratch[a++];
                } else {
                    order[i] = scratch[b++];
                }
            }
        }
    }
}
