package io.shardline.query.exec;

/**
 * Go's {@code container/heap} algorithms over an implementation's {@link #less} and {@link #swap}: the exact
 * sequence of swaps decides the order in which 1.x's merge heaps hand out inputs with equal keys, so the merge
 * orders ({@link GoMergeOrder}, {@link WindowMergeOrder}) share this one copy. Not thread-safe.
 */
abstract class GoHeap {

    /** Whether element {@code i} sorts before element {@code j}. */
    abstract boolean less(int i, int j);

    /** Swaps elements {@code i} and {@code j}. */
    abstract void swap(int i, int j);

    /** {@code heap.Init} for {@code n} elements. */
    final void init(int n) {
        for (int i = n / 2 - 1; i >= 0; i--) {
            down(i, n);
        }
    }

    /** Moves element {@code j} up to its place ({@code heap.Push} after appending). */
    final void up(int j) {
        while (true) {
            int i = (j - 1) / 2;
            if (i == j || !less(j, i)) {
                break;
            }
            swap(i, j);
            j = i;
        }
    }

    /** Moves element {@code i0} down among the first {@code n} ({@code heap.Pop} after swapping out the root). */
    final void down(int i0, int n) {
        int i = i0;
        while (true) {
            int j1 = 2 * i + 1;
            if (j1 >= n || j1 < 0) {
                break;
            }
            int j = j1;
            int j2 = j1 + 1;
            if (j2 < n && less(j2, j1)) {
                j = j2;
            }
            if (!less(j, i)) {
                break;
            }
            swap(i, j);
            i = j;
        }
    }
}
