package io.shardline.storage.rocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The open-addressing dirty set behaves as a map of ranges under random marks, takes and restores. */
class DirtyBucketsTest {

    /** The model: what the set must hold. */
    private static final class Model {
        final Map<Integer, long[]> ranges = new HashMap<>();

        void mark(int id, int bucket, long now) {
            long[] r = ranges.computeIfAbsent(id, k -> new long[] {bucket, bucket, 0, 0});
            r[0] = Math.min(r[0], bucket);
            r[1] = Math.max(r[1], bucket);
            r[2] = now;
            r[3]++;
        }
    }

    @Test
    void randomOperationsAgreeWithAMap() {
        long seed = Long.getLong("shardline.seed", System.nanoTime());
        System.out.println("DirtyBucketsTest seed " + seed + " (-Dshardline.seed=" + seed + " repeats it)");
        Random rnd = new Random(seed);
        DirtyBuckets set = new DirtyBuckets();
        Model model = new Model();
        long now = 0;
        for (int step = 0; step < 20_000; step++) {
            now += rnd.nextInt(3);
            int op = rnd.nextInt(100);
            if (op < 85) {
                int id = rnd.nextInt(op < 40 ? 64 : 5_000);
                int bucket = rnd.nextInt(10) - 5;
                set.mark(id, bucket, now);
                model.mark(id, bucket, now);
            } else if (op < 97) {
                long cold = rnd.nextInt(50);
                int busy = 1 + rnd.nextInt(6);
                int max = 1 + rnd.nextInt(300);
                Map<Integer, DirtyBuckets.Range> taken = set.takeReady(now, cold, busy, max);
                assertThat(taken.size()).as("seed %d", seed).isLessThanOrEqualTo(max);
                for (Map.Entry<Integer, DirtyBuckets.Range> e : taken.entrySet()) {
                    long[] r = model.ranges.remove(e.getKey());
                    assertThat(r).as("seed %d: series %d was dirty", seed, e.getKey()).isNotNull();
                    assertThat(now - r[2] >= cold || r[3] >= busy).as("seed %d: ready", seed).isTrue();
                    assertSame(e.getValue(), r, seed);
                }
                if (taken.size() < max) {
                    for (long[] r : model.ranges.values()) {
                        assertThat(now - r[2] < cold && r[3] < busy).as("seed %d: nothing ready left", seed).isTrue();
                    }
                }
                if (rnd.nextInt(4) == 0) {
                    set.restore(taken);
                    taken.forEach((id, r) -> {
                        model.mark(id, r.min, r.lastChangeNanos);
                        model.mark(id, r.max, r.lastChangeNanos);
                    });
                }
            } else if (op < 99) {
                Map<Integer, DirtyBuckets.Range> all = set.takeAll();
                assertThat(all.keySet()).as("seed %d", seed).isEqualTo(model.ranges.keySet());
                all.forEach((id, r) -> assertSame(r, model.ranges.get(id), seed));
                model.ranges.clear();
            } else {
                set.clear();
                model.ranges.clear();
            }
            assertThat(set.size()).as("seed %d", seed).isEqualTo(model.ranges.size());
            assertThat(set.isEmpty()).isEqualTo(model.ranges.isEmpty());
        }
        Map<Integer, DirtyBuckets.Range> rest = set.takeAll();
        assertThat(rest.keySet()).as("seed %d", seed).isEqualTo(model.ranges.keySet());
        rest.forEach((id, r) -> assertSame(r, model.ranges.get(id), seed));
    }

    @Test
    void markAllCoversEveryBucket() {
        DirtyBuckets set = new DirtyBuckets();
        set.mark(3, 7, 1);
        set.markAll(3, 2);
        DirtyBuckets.Range r = set.takeAll().get(3);
        assertThat(new long[] {r.min, r.max, r.lastChangeNanos, r.changes})
                .containsExactly(Integer.MIN_VALUE, Integer.MAX_VALUE, 2, 3);
        assertThat(set.isEmpty()).isTrue();
    }

    private static void assertSame(DirtyBuckets.Range r, long[] expected, long seed) {
        assertThat(new long[] {r.min, r.max, r.lastChangeNanos, r.changes}).as("seed %d", seed)
                .containsExactly(expected);
    }
}
