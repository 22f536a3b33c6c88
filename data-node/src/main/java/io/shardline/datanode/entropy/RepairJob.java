package io.shardline.datanode.entropy;

import io.shardline.storage.SeriesRange;
import java.util.List;

/**
 * One unit of work taken from the repair queue: copy a shard this node lacks from one of
 * {@code sources} (owners in order), or push a repair of a shard to its successor with the
 * {@code visited} path so far; {@code hint} (from node {@code hintFrom}, kept in memory only) lists
 * where that node found this one holds rows it lacks. Immutable.
 */
record RepairJob(long shardId, Kind kind, List<Long> visited, List<Long> sources, List<SeriesRange> hint,
                 long hintFrom) {

    /** What the job does. */
    enum Kind {
        /** Copy a shard this node owns but lacks (missing shard). */
        COPY,
        /** One step of a diff repair chain. */
        REPAIR
    }

    RepairJob {
        visited = List.copyOf(visited);
        sources = List.copyOf(sources);
        hint = List.copyOf(hint);
    }

    static RepairJob copy(long shardId, List<Long> sources) {
        return new RepairJob(shardId, Kind.COPY, List.of(), sources, List.of(), 0);
    }

    static RepairJob repair(long shardId, List<Long> visited) {
        return repair(shardId, visited, List.of(), 0);
    }

    static RepairJob repair(long shardId, List<Long> visited, List<SeriesRange> hint, long hintFrom) {
        return new RepairJob(shardId, Kind.REPAIR, visited, List.of(), hint, hintFrom);
    }
}
