package io.shardline.query.function;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.model.FieldType;
import io.shardline.query.value.Unsigned;
import io.shardline.query.value.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded property: {@code percentile} and {@code median} over primitive columns ({@link SampleColumns},
 * {@link NumericRanks}) answer exactly what a stable sort of the points by value then time answers, whatever the
 * split of the points into shards, the way they are added (one by one or as blocks) and shipped (through the
 * codec), with many equal values and times, signed zeros and extreme values.
 */
class SampleColumnsTest {

    private record Input(long time, Object value) {
    }

    @Test
    void ranksEqualAStableSortByValueThenTime() {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("SampleColumnsTest seed=" + seed + " (re-run with -Dseed=" + seed + ")");
        Random rnd = new Random(seed);
        for (int round = 0; round < 300; round++) {
            FieldType type = List.of(FieldType.FLOAT, FieldType.INTEGER, FieldType.UNSIGNED).get(rnd.nextInt(3));
            List<Input> inputs = inputs(type, rnd);
            double pct = rnd.nextInt(5) == 0 ? rnd.nextInt(101) : rnd.nextDouble() * 100;
            String ctx = type + " n=" + inputs.size() + " pct=" + pct + " seed=" + seed;
            assertThat(viaColumns(AggregateFunction.PERCENTILE, pct, inputs, rnd)).as(ctx)
                    .usingRecursiveFieldByFieldElementComparator().isEqualTo(percentile(inputs, pct));
            List<AggregatePoint> median = viaColumns(AggregateFunction.MEDIAN, 0, inputs, rnd);
            assertThat(median).as(ctx).usingRecursiveFieldByFieldElementComparator().isEqualTo(median(inputs));
        }
    }

    @Test
    void aValueOfAnotherTypeOrWithAuxValuesSwitchesToObjectsKeepingArrivalOrder() {
        Accumulator a = AggregateFunction.PERCENTILE.newAccumulator(50);
        a.addFloats(new long[] {1, 2, 3}, new double[] {3.0, 1.0, 2.0}, 0, 3);
        a.add(4, 2L, null); // an integer among floats: compared as numbers, like 1.x's merged iterators
        assertThat(a.partial()).isInstanceOf(SampleState.class);
        assertThat(a.emit()).singleElement().satisfies(p -> {
            assertThat(p.time()).isEqualTo(3);
            assertThat(p.value()).isEqualTo(2.0);
        });

        Accumulator b = AggregateFunction.PERCENTILE.newAccumulator(100);
        b.add(1, 5.0, null);
        b.add(2, 5.0, new Object[] {"x"});
        assertThat(b.emit()).singleElement().satisfies(p -> {
            assertThat(p.time()).isEqualTo(2);
            assertThat(p.aux()).containsExactly("x");
        });
    }

    @Test
    void aMergedStateIsNotChangedByLaterAdds() {
        Accumulator source = AggregateFunction.PERCENTILE.newAccumulator(100);
        source.addFloats(new long[] {1, 2}, new double[] {1.0, 2.0}, 0, 2);
        PartialState shipped = source.partial();
        Accumulator target = AggregateFunction.PERCENTILE.newAccumulator(100);
        target.merge(shipped); // adopts the arrays
        target.add(3, 9.0, null);
        source.add(3, 7.0, null);
        assertThat(((SampleColumns) shipped).points()).extracting(AggregatePoint::value).containsExactly(1.0, 2.0);
        assertThat(target.emit()).extracting(AggregatePoint::value).containsExactly(9.0);
        assertThat(source.emit()).extracting(AggregatePoint::value).containsExactly(7.0);
    }

    @Test
    void selectFindsTheKeyOfEveryRank() {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("SampleColumnsTest select seed=" + seed);
        Random rnd = new Random(seed);
        for (int round = 0; round < 200; round++) {
            int n = 1 + rnd.nextInt(round < 100 ? 50 : 5_000);
            long[] a = new long[n];
            int spread = 1 + rnd.nextInt(n * 2);
            for (int i = 0; i < n; i++) {
                a[i] = rnd.nextInt(4) == 0 ? rnd.nextLong() : rnd.nextInt(spread) - spread / 2;
            }
            if (rnd.nextBoolean()) {
                Arrays.sort(a); // sorted and reversed inputs: the pivots' worst friends
                if (rnd.nextBoolean()) {
                    for (int i = 0; i < n / 2; i++) {
                        long t = a[i];
                        a[i] = a[n - 1 - i];
                        a[n - 1 - i] = t;
                    }
                }
            }
            long[] sorted = a.clone();
            Arrays.sort(sorted);
            int rank = rnd.nextInt(n);
            long[] work = a.clone();
            assertThat(NumericRanks.select(work, 0, n, rank)).as("n=%d rank=%d seed=%d", n, rank, seed)
                    .isEqualTo(sorted[rank]);
            for (int i = 0; i < n; i++) {
                assertThat(i < rank ? work[i] <= sorted[rank] : work[i] >= sorted[rank]).isTrue();
            }
        }
    }

    private static List<Input> inputs(FieldType type, Random rnd) {
        int n = rnd.nextInt(10) == 0 ? rnd.nextInt(3) : rnd.nextInt(400);
        int distinctValues = 1 + rnd.nextInt(Math.max(1, n));
        int distinctTimes = 1 + rnd.nextInt(Math.max(1, n));
        List<Input> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long time = (rnd.nextInt(distinctTimes) - distinctTimes / 2) * 1_000L;
            int v = rnd.nextInt(distinctValues) - distinctValues / 2;
            Object value = switch (type) {
                case FLOAT -> switch (rnd.nextInt(12)) {
                    case 0 -> -0.0;
                    case 1 -> 0.0;
                    case 2 -> rnd.nextBoolean() ? Double.MAX_VALUE : -Double.MAX_VALUE;
                    case 3 -> Double.MIN_VALUE;
                    default -> v / 4.0;
                };
                case INTEGER -> rnd.nextInt(15) == 0 ? (rnd.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE) : (long) v;
                default -> new Unsigned(rnd.nextInt(8) == 0 ? -1L - rnd.nextInt(3) : v & 0xff);
            };
            out.add(new Input(time, value));
        }
        return out;
    }

    /** Split over 1-4 shards, added one by one or as blocks, shipped through the codec, merged. */
    private static List<AggregatePoint> viaColumns(AggregateFunction f, double pct, List<Input> inputs, Random rnd) {
        // contiguous runs, so that the merged arrival order is the input order
        List<List<Input>> shards = new ArrayList<>();
        int from = 0;
        for (int parts = 1 + rnd.nextInt(4); parts > 0; parts--) {
            int to = parts == 1 ? inputs.size() : from + rnd.nextInt(inputs.size() - from + 1);
            shards.add(inputs.subList(from, to));
            from = to;
        }
        Accumulator merged = f.newAccumulator(pct);
        for (List<Input> shard : shards) {
            Accumulator a = f.newAccumulator(pct);
            addAll(a, shard, rnd);
            merged.merge(rnd.nextBoolean() ? a.partial() : PartialStateCodec.decode(PartialStateCodec.encode(
                    a.partial())));
        }
        return merged.emit();
    }

    private static void addAll(Accumulator a, List<Input> shard, Random rnd) {
        int i = 0;
        while (i < shard.size()) {
            int j = Math.min(shard.size(), i + 1 + rnd.nextInt(50));
            Object first = shard.get(i).value();
            long[] times = shard.subList(i, j).stream().mapToLong(Input::time).toArray();
            if (first instanceof Double && rnd.nextBoolean()) {
                a.addFloats(times, shard.subList(i, j).stream().mapToDouble(p -> (Double) p.value()).toArray(), 0,
                        j - i);
            } else if (first instanceof Long && rnd.nextBoolean()) {
                a.addIntegers(times, shard.subList(i, j).stream().mapToLong(p -> (Long) p.value()).toArray(), 0,
                        j - i);
            } else {
                shard.subList(i, j).forEach(p -> a.add(p.time(), p.value(), null));
            }
            i = j;
        }
    }

    private static List<Input> sorted(List<Input> inputs) {
        List<Input> sorted = new ArrayList<>(inputs);
        sorted.sort(Comparator.<Input, Object>comparing(Input::value, Values::compare)
                .thenComparingLong(Input::time));
        return sorted;
    }

    private static List<AggregatePoint> percentile(List<Input> inputs, double pct) {
        List<Input> sorted = sorted(inputs);
        int i = (int) Math.floor(sorted.size() * pct / 100.0 + 0.5) - 1;
        if (i < 0 || i >= sorted.size()) {
            return List.of();
        }
        return List.of(new AggregatePoint(sorted.get(i).time(), sorted.get(i).value(), null));
    }

    private static List<AggregatePoint> median(List<Input> inputs) {
        List<Input> sorted = sorted(inputs);
        int n = sorted.size();
        if (n == 0) {
            return List.of();
        }
        Object hi = sorted.get(n / 2).value();
        if (n % 2 == 1) {
            return List.of(AggregatePoint.of(Values.toDouble(hi)));
        }
        Object lo = sorted.get(n / 2 - 1).value();
        double m;
        if (lo instanceof Long l && hi instanceof Long h) {
            m = (double) l + (double) (h - l) / 2;
        } else if (lo instanceof Unsigned l && hi instanceof Unsigned h) {
            m = l.toDouble() + new Unsigned(h.bits() - l.bits()).toDouble() / 2;
        } else {
            m = Values.toDouble(lo) + (Values.toDouble(hi) - Values.toDouble(lo)) / 2;
        }
        return List.of(AggregatePoint.of(m));
    }
}
