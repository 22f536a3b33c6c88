package io.shardline.ctl.verb;

import io.shardline.ctl.datanode.EntropyClient;
import picocli.CommandLine.Command;

/**
 * {@code entropy repair <shard ID>}: queues a repair of the shard on its first owner (asynchronous and
 * idempotent) and prints {@code Repair Shard 21179 queued}.
 */
@Command(name = "repair", description = "Queues a shard for repair (asynchronous; queuing twice is harmless).")
public final class EntropyRepairVerb extends EntropyShardVerb {

    @Override
    void act(EntropyClient client, long shardId) {
        client.repair(shardId);
    }

    @Override
    String done(long shardId) {
        return "Repair Shard " + shardId + " queued";
    }
}
