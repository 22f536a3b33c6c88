package io.shardline.ctl.format;

/**
 * The one-line answers and prompts of the verbs, verbatim from influxd-ctl (note the lower-case
 * {@code updated} of update-data). Each success line is printed with a newline; prompts are not.
 * Stateless.
 */
public final class Messages {

    public static final String TRUNCATED_SHARDS = "Truncated shards.";

    private Messages() {
    }

    /** remove-data: {@code Removed data node at data3:8088}. */
    public static String removedDataNode(String tcpAddress) {
        return "Removed data node at " + tcpAddress;
    }

    /** update-data: {@code updated data node 26 to data1:8088}. */
    public static String updatedDataNode(long id, String newTcpAddress) {
        return "updated data node " + id + " to " + newTcpAddress;
    }

    /** add-meta: {@code Added meta node 3 at meta3:8091}. */
    public static String addedMetaNode(long id, String httpAddress) {
        return "Added meta node " + id + " at " + httpAddress;
    }

    /** remove-meta: {@code Removed meta node at meta2:8091}. */
    public static String removedMetaNode(String httpAddress) {
        return "Removed meta node at " + httpAddress;
    }

    /** remove-meta's question, answered on the same line: {@code Remove meta2:8091 from the cluster [y/N]: }. */
    public static String removeMetaPrompt(String httpAddress, boolean force) {
        return (force ? "Force remove " : "Remove ") + httpAddress + " from the cluster [y/N]: ";
    }

    /** add-data: {@code Added data node 4 at data1:8088}. */
    public static String addedDataNode(long id, String tcpAddress) {
        return "Added data node " + id + " at " + tcpAddress;
    }

    /** copy-shard: {@code Copied shard 22 from data1:8088 to data2:8088}. */
    public static String copiedShard(long shardId, String source, String destination) {
        return "Copied shard " + shardId + " from " + source + " to " + destination;
    }

    /** kill-copy-shard: {@code Killed shard copy 39 from data2:8088 to data3:8088}. */
    public static String killedShardCopy(long shardId, String source, String destination) {
        return "Killed shard copy " + shardId + " from " + source + " to " + destination;
    }

    /** remove-shard: {@code Removed shard 31 from data2:8088}. */
    public static String removedShard(long shardId, String tcpAddress) {
        return "Removed shard " + shardId + " from " + tcpAddress;
    }
}
