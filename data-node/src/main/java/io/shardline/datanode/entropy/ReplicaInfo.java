package io.shardline.datanode.entropy;

/**
 * What a node says about its copy of a shard: whether it has one, its last change (Unix nanos),
 * point and value counts, its digest root at the asked cut-off (0 if not asked), and the patch bytes
 * it estimated at its last comparison with {@code comparedWith} (-1 unknown). Immutable.
 */
public record ReplicaInfo(boolean exists, long lastModified, long points, long values, long digestRoot,
                        long estimatedRepairBytes, long comparedWith) {

    public static final ReplicaInfo ABSENT = new ReplicaInfo(false, 0, 0, 0, 0, -1, 0);
}
