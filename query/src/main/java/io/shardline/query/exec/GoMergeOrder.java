package io.shardline.query.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The order in which InfluxDB 1.x's merge iterators ({@code NewMergeIterator}, {@code NewParallelMergeIterator})
 * hand out the points of several inputs. 1.x folds partial means and sums in that order, so the last digits
 * of a float mean or sum over several series or shards depend on it; reproducing it is the only way to answer
 * the same bytes. The merge keeps a binary heap (Go's {@code container/heap}) of inputs ordered by their next
 * point's (name, tags, window) and reads from the current input while its points stay in the same window, so
 * inputs with equal keys come out in an order that depends on the heap's history; this class runs the same
 * heap operations on the keys. Stateless.
 */
final class GoMergeOrder {

    /** A point's merge key and what it stands for. */
    record Item<T>(String name, byte[] tags, long window, T payload) {
    }

    private GoMergeOrder() {
    }

    /**
     * 1.x's {@code Tags.ID()} of the dimension values, minus the key names (equal for all points of a query):
     * the values in key order, each followed by a NUL. Compared bytewise like Go strings.
     */
    static byte[] tagsId(List<String> valuesInKeyOrder) {
        StringBuilder b = new StringBuilder();
        for (String v : valuesInKeyOrder) {
            b.append(v).append('\0');
        }
        return b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@code NewParallelMergeIterator(inputs, opt, parallelism)}: groups of inputs merged, then the groups merged. */
    static <T> List<Item<T>> parallelMerge(List<List<Item<T>>> inputs, int parallelism, boolean ascending) {
        int n = inputs.size();
        if (n == 0) {
            return List.of();
        } else if (n == 1) {
            return inputs.get(0);
        }
        int p = Math.min(parallelism, n);
        int per = n / p;
        List<List<Item<T>>> outputs = new ArrayList<>(p);
        for (int i = 0; i < p; i++) {
            List<List<Item<T>>> slice = i < p - 1 ? inputs.subList(i * per, (i + 1) * per) : inputs.subList(i * per, n);
            outputs.add(merge(slice, ascending));
        }
        return merge(outputs, ascending);
    }

    /** {@code NewMergeIterator(inputs, opt)}: the points of all inputs, each input's points in its own order. */
    static <T> List<Item<T>> merge(List<List<Item<T>>> inputs, boolean ascending) {
        if (inputs.size() == 1) {
            return inputs.get(0);
        }
        Heap<T> heap = new Heap<>(ascending);
        for (List<Item<T>> in : inputs) {
            if (!in.isEmpty()) {
                heap.items.add(new Cursor<>(in));
            }
        }
        heap.init();
        List<Item<T>> out = new ArrayList<>();
        Cursor<T> curr = null;
        Item<T> window = null;
        while (true) {
            if (curr == null) {
                if (heap.items.isEmpty()) {
                    return out;
                }
                curr = heap.pop();
                window = curr.next();
                out.add(window);
                continue;
            }
            Item<T> p = curr.peek();
            if (p == null) {
                curr = null;
                continue;
            }
            if (!p.name().equals(window.name()) || !Arrays.equals(p.tags(), window.tags())
                    || p.window() != window.window()) {
                heap.push(curr);
                curr = null;
                continue;
            }
            out.add(curr.next());
        }
    }

    private static final class Cursor<T> {
        private final List<Item<T>> items;
        private int pos;

        Cursor(List<Item<T>> items) {
            this.items = items;
        }

        Item<T> peek() {
            return pos < items.size() ? items.get(pos) : null;
        }

        Item<T> next() {
            return items.get(pos++);
        }
    }

    /** Go's container/heap over cursors with the merge heap's Less. */
    private static final class Heap<T> extends GoHeap {
        private final boolean ascending;
        private final List<Cursor<T>> items = new ArrayList<>();

        Heap(boolean ascending) {
            this.ascending = ascending;
        }

        @Override
        boolean less(int i, int j) {
            Item<T> x = items.get(i).peek();
            Item<T> y = items.get(j).peek();
            int c = io.shardline.query.value.Utf8Order.compare(x.name(), y.name());
            if (c == 0) {
                c = Arrays.compareUnsigned(x.tags(), y.tags());
            }
            if (c != 0) {
                return ascending ? c < 0 : c > 0;
            }
            return ascending ? x.window() < y.window() : x.window() > y.window();
        }

        @Override
        void swap(int i, int j) {
            Cursor<T> t = items.get(i);
            items.set(i, items.get(j));
            items.set(j, t);
        }

        void init() {
            init(items.size());
        }

        void push(Cursor<T> c) {
            items.add(c);
            up(items.size() - 1);
        }

        Cursor<T> pop() {
            int n = items.size() - 1;
            swap(0, n);
            down(0, n);
            return items.remove(n);
        }
    }
}
