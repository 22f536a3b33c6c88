package io.shardline.storage.rocks;

import java.util.Arrays;

/** Set operations on sorted arrays of distinct series ids. Stateless. */
final class IdSets {

    static final int[] EMPTY = new int[0];

    private IdSets() {
    }

    /** Sorts and removes duplicates. */
    static int[] normalize(int[] ids, int n) {
        int[] a = Arrays.copyOf(ids, n);
        Arrays.sort(a);
        int k = 0;
        for (int i = 0; i < a.length; i++) {
            if (i == 0 || a[i] != a[i - 1]) {
                a[k++] = a[i];
            }
        }
        return k == a.length ? a : Arrays.copyOf(a, k);
    }

    static int[] union(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length || j < b.length) {
            if (j >= b.length || (i < a.length && a[i] < b[j])) {
                out[k++] = a[i++];
            } else if (i >= a.length || b[j] < a[i]) {
                out[k++] = b[j++];
            } else {
                out[k++] = a[i++];
                j++;
            }
        }
        return Arrays.copyOf(out, k);
    }

    static int[] intersect(int[] a, int[] b) {
        int[] out = new int[Math.min(a.length, b.length)];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (b[j] < a[i]) {
                j++;
            } else {
                out[k++] = a[i++];
                j++;
            }
        }
        return Arrays.copyOf(out, k);
    }

    static int[] minus(int[] a, int[] b) {
        int[] out = new int[a.length];
        int j = 0;
        int k = 0;
        for (int x : a) {
            while (j < b.length && b[j] < x) {
                j++;
            }
            if (j >= b.length || b[j] != x) {
                out[k++] = x;
            }
        }
        return Arrays.copyOf(out, k);
    }
}
