package io.shardline.datanode.entropy;

import io.shardline.storage.SeriesRange;
import io.shardline.storage.digest.RangeListCodec;
import java.util.List;

/**
 * What a repair step found its successor holds that it lacks, handed over with the step's last push
 * when the successor's next hop comes straight back (RF 2): the ranges of those rows and whether the
 * tombstone sets differed. The successor then pushes exactly that without comparing the shard again.
 * Kept in memory only (after a restart the step compares afresh). Immutable.
 */
public record RepairHint(List<SeriesRange> ranges, boolean tombstones) {

    public static final RepairHint NONE = new RepairHint(List.of(), false);

    public RepairHint {
        ranges = List.copyOf(ranges);
    }

    /** Whether the hint says anything (an empty hint makes the successor compare as usual). */
    public boolean isEmpty() {
        return ranges.isEmpty() && !tombstones;
    }

    /** The ranges in their wire form ({@link RangeListCodec}). */
    public byte[] rangeBytes() {
        return RangeListCodec.encode(ranges);
    }

    /** The hint from its wire form. */
    public static RepairHint of(byte[] rangeBytes, boolean tombstones) {
        return rangeBytes.length == 0 && !tombstones ? NONE
                : new RepairHint(rangeBytes.length == 0 ? List.of() : RangeListCodec.decode(rangeBytes), tombstones);
    }
}
