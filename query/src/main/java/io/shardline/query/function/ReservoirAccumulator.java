package io.shardline.query.function;

import io.shardline.query.value.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code sample(f, N)}: 1.x's reservoir (the first N points, then point i replaces a random slot with
 * probability N/i), emitted by time then value like 1.x's {@code SampleReducer}. Owners' reservoirs merge into a
 * uniform sample of the union by drawing each slot from a side with probability proportional to the points that
 * side stands for. With N at least the points of a bucket the answer is every point, exactly as 1.x; otherwise
 * it is random in both (1.x seeds with the clock, we with a constant so that answers are reproducible). Memory:
 * N points. Not thread-safe.
 */
final class ReservoirAccumulator implements Accumulator {

    private static final long SEED = 0x5EED_1A7EL;

    private final int size;
    private final SplittableRandom random = new SplittableRandom(SEED);
    private List<AggregatePoint> points = new ArrayList<>();
    private long count;

    ReservoirAccumulator(int size) {
        this.size = size;
    }

    @Override
    public void add(long time, Object value, Object[] aux) {
        AggregateFunction.SAMPLE.check(value);
        count++;
        AggregatePoint p = new AggregatePoint(time, value, aux);
        if (points.size() < size) {
            points.add(p);
            return;
        }
        long slot = random.nextLong(count);
        if (slot < size) {
            points.set((int) slot, p);
        }
    }

    @Override
    public void merge(PartialState state) {
        ReservoirState other = (ReservoirState) state;
        if (count + other.count() <= size) { // nothing was dropped on either side: keep everything
            points.addAll(other.points());
            count += other.count();
            return;
        }
        List<AggregatePoint> mine = new ArrayList<>(points);
        List<AggregatePoint> theirs = new ArrayList<>(other.points());
        long leftMine = count;
        long leftTheirs = other.count();
        List<AggregatePoint> out = new ArrayList<>(size);
        while (out.size() < size && (!mine.isEmpty() || !theirs.isEmpty())) {
            boolean fromMine = theirs.isEmpty()
                    || (!mine.isEmpty() && random.nextLong(leftMine + leftTheirs) < leftMine);
            List<AggregatePoint> side = fromMine ? mine : theirs;
            out.add(side.remove(random.nextInt(side.size())));
            if (fromMine) {
                leftMine--;
            } else {
                leftTheirs--;
            }
        }
        points = out;
        count += other.count();
    }

    @Override
    public PartialState partial() {
        return new ReservoirState(count, points);
    }

    @Override
    public List<AggregatePoint> emit() {
        List<AggregatePoint> out = new ArrayList<>(points);
        out.sort(Comparator.comparingLong(AggregatePoint::time).thenComparing((a, b) -> Values.compare(a.value(),
                b.value())));
        return out;
    }
}
