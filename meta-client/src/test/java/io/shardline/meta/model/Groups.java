package io.shardline.meta.model;

import java.util.ArrayList;
import java.util.List;

/** Test fixtures: shard groups with simple shards. */
final class Groups {

    static final long HOUR = 3_600_000_000_000L;

    private Groups() {
    }

    /** A live group {@code [start, end)} with {@code shardCount} shards numbered from {@code id * 10}. */
    static ShardGroupInfo group(long id, long start, long end, int shardCount) {
        List<ShardInfo> shards = new ArrayList<>();
        for (int i = 0; i < shardCount; i++) {
            shards.add(new ShardInfo(id * 10 + i, List.of(4L + i)));
        }
        return new ShardGroupInfo(id, start, end, 0, 0, shards);
    }

    /** A live one-hour group starting at hour {@code hour}. */
    static ShardGroupInfo hourGroup(long id, long hour) {
        return group(id, hour * HOUR, (hour + 1) * HOUR, 1);
    }
}
