package io.shardline.query.exec;

import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import io.shardline.query.ast.DataType;
import io.shardline.query.ast.VarRef;
import io.shardline.query.function.Accumulator;
import io.shardline.query.function.AggregateFunction;
import io.shardline.query.plan.AggregateCall;
import io.shardline.query.plan.Interval;
import io.shardline.query.plan.SelectPlan;
import io.shardline.query.spi.FieldBlocks;
import io.shardline.query.spi.ShardReader;
import io.shardline.query.value.Unsigned;
import java.util.List;
import java.util.Map;

/**
 * The owner's fast path for aggregates: each call reads its field as primitive blocks
 * ({@link ShardReader#fieldBlocks}) and feeds whole runs of one bucket to the accumulators, without building rows
 * or boxing floats and integers. It gives exactly what the row path gives, so it applies only when every row
 * would be judged by one field alone: no row filter, no auxiliary fields, and every call reading a stored field
 * without a converting cast. first()/last() without GROUP BY time read only each series' oldest or newest value
 * ({@link ShardReader#endBlocks}). Stateless.
 */
final class BlockAggregation {

    private BlockAggregation() {
    }

    /** Whether the fast path computes {@code plan} for a measurement with {@code types}. */
    static boolean applies(SelectPlan plan, Map<String, FieldType> types) {
        if (plan.isRaw() || plan.rowFilter() != null || !plan.auxRefs().isEmpty()) {
            return false;
        }
        for (AggregateCall c : plan.calls()) {
            VarRef ref = c.field();
            FieldType t = types.get(ref.name());
            if (t == null || !(ref.type() == DataType.UNKNOWN || ref.type() == DataType.FIELD
                    || ref.type() == DataType.of(t))) {
                return false;
            }
        }
        return true;
    }

    /** Aggregates {@code series} (of one measurement) into {@code agg}, one call after the other. */
    static void run(SelectPlan plan, ShardReader reader, List<SeriesKey> series, PartialAggregator agg) {
        List<AggregateCall> calls = plan.calls();
        long min = plan.timeRange().minTime();
        long max = plan.timeRange().maxTime();
        for (int c = 0; c < calls.size(); c++) {
            AggregateCall call = calls.get(c);
            try (FieldBlocks blocks = endsOnly(plan, call)
                    ? reader.endBlocks(series, call.field().name(), min, max, call.function() == AggregateFunction.LAST)
                    : reader.fieldBlocks(series, call.field().name(), min, max)) {
                SeriesKey last = null;
                GroupKey group = null;
                while (blocks.next()) {
                    SeriesKey s = blocks.series();
                    if (s != last && !s.equals(last)) {
                        last = s;
                        group = GroupKey.of(last, plan.groupByTags());
                    }
                    call.function().checkType(blocks.type());
                    feed(plan.interval(), agg, group, last, c, blocks);
                }
            }
        }
    }

    /**
     * Whether the call needs only each series' oldest or newest value: first()/last() over the whole range (one
     * bucket). Within a series times are unique, so its end value beats every other value of it under the
     * selector's rules (time first, the larger value on equal times), and the group's winner across series, and
     * so the partial state, stays the same.
     */
    static boolean endsOnly(SelectPlan plan, AggregateCall call) {
        return plan.interval() == null
                && (call.function() == AggregateFunction.FIRST || call.function() == AggregateFunction.LAST);
    }

    /** Splits the block into runs of one bucket (times ascend) and adds each run to its cell. */
    private static void feed(Interval interval, PartialAggregator agg, GroupKey group, SeriesKey series, int call,
            FieldBlocks b) {
        int n = b.size();
        long[] t = b.timestamps();
        int i = 0;
        while (i < n) {
            long bucket = agg.bucketOf(t[i]);
            int j = n;
            if (interval != null) {
                long end = interval.bucketEnd(bucket);
                j = i + 1;
                // with tz() a bucket's length varies around offset changes: ask for each point's bucket
                while (j < n && (interval.zone() == null ? t[j] < end : agg.bucketOf(t[j]) == bucket)) {
                    j++;
                }
            }
            add(agg.cell(group, series, bucket)[call], b, i, j);
            i = j;
        }
    }

    private static void add(Accumulator acc, FieldBlocks b, int from, int to) {
        long[] t = b.timestamps();
        switch (b.type()) {
            case FLOAT -> acc.addFloats(t, b.floats(), from, to);
            case INTEGER -> acc.addIntegers(t, b.longs(), from, to);
            case UNSIGNED -> {
                long[] v = b.longs();
                for (int i = from; i < to; i++) {
                    acc.add(t[i], new Unsigned(v[i]), null);
                }
            }
            case BOOLEAN -> {
                long[] v = b.longs();
                for (int i = from; i < to; i++) {
                    acc.add(t[i], v[i] != 0, null);
                }
            }
            case STRING -> {
                String[] v = b.strings();
                for (int i = from; i < to; i++) {
                    acc.add(t[i], v[i], null);
                }
            }
        }
    }
}
