package io.shardline.query.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.query.function.Accumulator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BucketCellsTest {

    @Test
    void keepsBucketsSortedWhateverTheArrivalOrderAndMakesEachCellOnce() {
        long seed = System.nanoTime();
        System.out.println("BucketCellsTest seed=" + seed);
        Random random = new Random(seed);
        List<Long> arrivals = new ArrayList<>();
        for (long b = -50; b < 150; b += 1 + random.nextInt(3)) {
            arrivals.add(b * 60_000_000_000L);
        }
        List<Long> shuffled = new ArrayList<>(arrivals);
        Collections.shuffle(shuffled, random);
        List<Long> descending = new ArrayList<>(arrivals);
        Collections.reverse(descending);
        if (random.nextBoolean()) { // ORDER BY time DESC: descending first
            arrivals = descending;
            descending = new ArrayList<>(arrivals);
        }
        List<Long> lower = new ArrayList<>();
        for (long b = -60; b > -200; b -= 1 + random.nextInt(3)) {
            lower.add(b * 60_000_000_000L);
        }
        arrivals.addAll(lower); // a later shard's earlier buckets, descending
        arrivals.addAll(shuffled); // then again in any order (the next shard)
        arrivals.addAll(descending);
        BucketCells cells = new BucketCells();
        TreeMap<Long, Accumulator[]> reference = new TreeMap<>();
        for (long b : arrivals) {
            Accumulator[] made = cells.computeIfAbsent(b, () -> new Accumulator[1]);
            assertThat(made).isSameAs(reference.computeIfAbsent(b, k -> made));
        }
        assertThat(cells.buckets()).containsExactly(reference.keySet().stream().mapToLong(Long::longValue).toArray());
        assertThat(cells.firstBucket()).isEqualTo(reference.firstKey());
        for (int i = 0; i < cells.size(); i++) {
            assertThat(cells.cell(i)).isSameAs(reference.get(cells.buckets()[i]));
        }
        assertThat(cells.get(reference.firstKey() - 1)).isNull();
        assertThat(cells.get(reference.lastKey())).isSameAs(reference.lastEntry().getValue());
    }
}
