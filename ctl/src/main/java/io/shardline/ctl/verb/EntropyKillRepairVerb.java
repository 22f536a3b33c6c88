package io.shardline.ctl.verb;

import io.shardline.ctl.datanode.EntropyClient;
import picocli.CommandLine.Command;

/**
 * {@code entropy kill-repair <shard ID>}: removes the shard from every data node's repair queue and
 * prints {@code Shard 21179 removed from repair queue}. A repair already running is not stopped, and
 * the copy of a missing shard cannot be cancelled (as in InfluxDB Enterprise).
 */
@Command(name = "kill-repair", description = "Removes a shard from the repair queue (a running repair goes on).")
public final class EntropyKillRepairVerb extends EntropyShardVerb {

    @Override
    void act(EntropyClient client, long shardId) {
        client.cancelRepair(shardId);
    }

    @Override
    String done(long shardId) {
        return "Shard " + shardId + " removed from repair queue";
    }
}
