package io.shardline.tsm;

/**
 * One block of a key as the TSM index describes it: the first and last timestamp in the block
 * (inclusive), the offset of the block's CRC in the file, and the size of CRC plus block data.
 * Immutable.
 */
public record IndexEntry(long minTime, long maxTime, long offset, int size) {

    /** Whether the block may hold a value at {@code t}. */
    public boolean contains(long t) {
        return minTime <= t && t <= maxTime;
    }
}
