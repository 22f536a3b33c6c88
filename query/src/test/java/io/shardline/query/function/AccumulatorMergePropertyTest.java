package io.shardline.query.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.shardline.model.FieldType;
import io.shardline.query.value.Unsigned;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded property: for every function and accepted type, adding a random split of the input to several
 * accumulators, shipping their partial states through the codec and merging them gives the one-shot result.
 */
class AccumulatorMergePropertyTest {

    private record Input(long time, Object value, Object[] aux) {
    }

    @Test
    void partialMergeEqualsOneShot() {
        long seed = Long.getLong("seed", 20261206L);
        System.out.println("AccumulatorMergePropertyTest seed=" + seed + " (re-run with -Dseed=" + seed + ")");
        Random rnd = new Random(seed);
        for (int round = 0; round < 60; round++) {
            for (AggregateFunction f : AggregateFunction.values()) {
                for (FieldType type : FieldType.values()) {
                    if (f.accepts(type)) {
                        check(f, type, rnd, seed);
                    }
                }
            }
        }
    }

    private static void check(AggregateFunction f, FieldType type, Random rnd, long seed) {
        int n = rnd.nextInt(40);
        List<Input> inputs = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            times.add((long) i * 1000 - 5000);
        }
        Collections.shuffle(times, rnd);
        for (int i = 0; i < n; i++) {
            inputs.add(new Input(times.get(i), value(type, rnd), new Object[] {"aux" + i, (long) i}));
        }
        // sample is exact (every point) only with N covering the points; below that it is random by definition
        double arg = f == AggregateFunction.SAMPLE ? 40 + rnd.nextInt(10) : rnd.nextInt(101);
        Accumulator oneShot = f.newAccumulator(arg);
        inputs.forEach(p -> oneShot.add(p.time(), p.value(), p.aux()));

        int parts = 1 + rnd.nextInt(5);
        List<Accumulator> shards = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            shards.add(f.newAccumulator(arg));
        }
        inputs.forEach(p -> shards.get(rnd.nextInt(parts)).add(p.time(), p.value(), p.aux()));
        Collections.shuffle(shards, rnd);
        Accumulator merged = f.newAccumulator(arg);
        for (Accumulator s : shards) {
            byte[] wire = PartialStateCodec.encode(s.partial());
            merged.merge(PartialStateCodec.decode(wire));
        }
        List<AggregatePoint> expected = oneShot.emit();
        List<AggregatePoint> actual = merged.emit();
        if (f == AggregateFunction.INTEGRAL) { // the coordinator integrates the merged points (IntegralReducer)
            expected = integrate(oneShot);
            actual = integrate(merged);
        }
        String ctx = f + " " + type + " n=" + n + " seed=" + seed;
        assertThat(actual).as(ctx).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            AggregatePoint e = expected.get(i);
            AggregatePoint a = actual.get(i);
            assertThat(a.time()).as(ctx).isEqualTo(e.time());
            assertThat(a.aux()).as(ctx).isEqualTo(e.aux());
            if (e.value() instanceof Double d && !(f.isSelector() || f == AggregateFunction.DISTINCT)) {
                assertThat((Double) a.value()).as(ctx).isCloseTo(d, within(1e-9 * Math.max(1, Math.abs(d))));
            } else {
                assertThat(a.value()).as(ctx).isEqualTo(e.value());
            }
        }
    }

    private static List<AggregatePoint> integrate(Accumulator a) {
        return IntegralReducer.integrate(((SampleState) a.partial()).points(), 1000, t -> Math.floorDiv(t, 7000) * 7000,
                7000, 0, true).stream().map(o -> new AggregatePoint(o.time(), o.value(), null)).toList();
    }

    private static Object value(FieldType type, Random rnd) {
        return switch (type) {
            case FLOAT -> rnd.nextBoolean() ? (double) rnd.nextInt(10) : rnd.nextGaussian() * 1000;
            case INTEGER -> (long) rnd.nextInt(20) - 10;
            case UNSIGNED -> new Unsigned(rnd.nextInt(20));
            case STRING -> "s" + rnd.nextInt(8);
            case BOOLEAN -> rnd.nextBoolean();
        };
    }
}
