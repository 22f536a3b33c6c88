package io.shardline.datanode.entropy;

import java.util.List;

/**
 * One unit of work taken from the repair queue: copy a shard this node lacks from one of
 * {@code sources} (owners in order), or push a repair of a shard to its successor with the
 * {@code visited} path so far; {@code hint} (from node {@code hintFrom}, kept in memory only) says
 * what that node found this one holds that it lacks. Immutable.
 */
record RepairJob(long shardId, Kind kind, List<Long> visited, List<Long> sources, RepairHint hint,
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
        hint = hint == null ? RepairHint.NONE : hint;
    }

    static RepairJob copy(long shardId, List<Long> sources) {
        return new RepairJob(shardId, Kind.COPY, List.of(), sources, RepairHint.NONE, 0);
    }

    static RepairJob repair(long shardId, List<Long> visited) {
        return repair(shardId, visited, RepairHint.NONE, 0);
    }

    static RepairJob repair(long shardId, List<Long> visited, RepairHint hint, long hintFrom) {
        return new RepairJob(shardId, Kind.REPAIR, visited, List.of(), hint, hintFrom);
    }

    /** This job with no hint (the step compares the shard itself). */
    RepairJob withoutHint() {
        return hint.isEmpty() ? this : new RepairJob(shardId, kind, visited, sources, RepairHint.NONE, 0);
    }
}
