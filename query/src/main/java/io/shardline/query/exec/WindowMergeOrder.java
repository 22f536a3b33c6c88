package io.shardline.query.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link GoMergeOrder} for inputs whose points all share one name and tag set, as a shard's per-series cells of
 * one output series do: only the windows order them, so the heap runs on primitive windows and cursor indexes
 * instead of boxed items and key comparisons. It performs the very same heap operations (Go's
 * {@code container/heap} with the merge heap's Less and the merge's "read the current input to the end of its
 * window" rule), so it yields the same order; {@code WindowMergeOrderTest} checks that against
 * {@link GoMergeOrder} on random inputs. Stateless.
 */
final class WindowMergeOrder {

    /** A merged run: the windows in merge order and, for each, the index of the input it came from. */
    record Run(long[] windows, int[] sources) {
    }

    private WindowMergeOrder() {
    }

    /**
     * {@code NewParallelMergeIterator} over inputs given by their windows (each in the query's time order): the
     * merged windows and the input each comes from; an input's points come out in its own order.
     */
    static Run parallelMerge(long[][] inputs, int parallelism, boolean ascending) {
        int n = inputs.length;
        if (n == 0) {
            return new Run(new long[0], new int[0]);
        }
        if (n == 1) {
            return new Run(inputs[0], new int[inputs[0].length]);
        }
        List<Run> runs = new ArrayList<>(n);
        for (long[] in : inputs) {
            runs.add(new Run(in, null));
        }
        int p = Math.min(parallelism, n);
        int per = n / p;
        List<Run> outputs = new ArrayList<>(p);
        for (int i = 0; i < p; i++) {
            int from = i * per;
            List<Run> slice = runs.subList(from, i < p - 1 ? from + per : n);
            outputs.add(slice.size() == 1 ? identity(slice.get(0), from) : merge(slice, from, ascending));
        }
        return merge(outputs, 0, ascending);
    }

    /** A run of one input, every point from input {@code index}. */
    private static Run identity(Run in, int index) {
        int[] sources = new int[in.windows().length];
        Arrays.fill(sources, index);
        return new Run(in.windows(), sources);
    }

    /**
     * {@code NewMergeIterator}: merges {@code inputs}; a point's source is its input's own source (when the
     * input has sources) or {@code base} plus the input's index.
     */
    static Run merge(List<Run> inputs, int base, boolean ascending) {
        int total = 0;
        for (Run r : inputs) {
            total += r.windows().length;
        }
        long[] windows = new long[total];
        int[] sources = new int[total];
        Heap heap = new Heap(inputs, ascending);
        int out = 0;
        int curr = -1;
        long window = 0;
        while (true) {
            if (curr < 0) {
                if (heap.size == 0) {
                    return new Run(windows, sources);
                }
                curr = heap.pop();
                window = heap.peek(curr);
                sources[out] = heap.source(curr, base);
                windows[out++] = window;
                heap.pos[curr]++;
                continue;
            }
            if (heap.pos[curr] == heap.windows[curr].length) {
                curr = -1;
                continue;
            }
            if (heap.peek(curr) != window) {
                heap.push(curr);
                curr = -1;
                continue;
            }
            sources[out] = heap.source(curr, base);
            windows[out++] = window;
            heap.pos[curr]++;
        }
    }

    /** Go's container/heap over input cursors (indexes), ordered by their next window. */
    private static final class Heap extends GoHeap {
        private final boolean ascending;
        private final long[][] windows;
        private final int[][] sources;
        private final int[] pos;
        private final int[] items;
        private int size;

        Heap(List<Run> inputs, boolean ascending) {
            this.ascending = ascending;
            int n = inputs.size();
            windows = new long[n][];
            sources = new int[n][];
            pos = new int[n];
            items = new int[n];
            for (int i = 0; i < n; i++) {
                windows[i] = inputs.get(i).windows();
                sources[i] = inputs.get(i).sources();
                if (windows[i].length > 0) {
                    items[size++] = i;
                }
            }
            init(size);
        }

        long peek(int cursor) {
            return windows[cursor][pos[cursor]];
        }

        int source(int cursor, int base) {
            return sources[cursor] != null ? sources[cursor][pos[cursor]] : base + cursor;
        }

        @Override
        boolean less(int i, int j) {
            long x = peek(items[i]);
            long y = peek(items[j]);
            return ascending ? x < y : x > y;
        }

        @Override
        void swap(int i, int j) {
            int t = items[i];
            items[i] = items[j];
            items[j] = t;
        }

        void push(int cursor) {
            items[size++] = cursor;
            up(size - 1);
        }

        int pop() {
            int n = size - 1;
            swap(0, n);
            down(0, n);
            size = n;
            return items[n];
        }
    }
}
