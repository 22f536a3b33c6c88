package io.shardline.ctl.verb;

import io.shardline.ctl.CtlContext;
import io.shardline.ctl.Verb;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.ShardLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code entropy repair <shard ID>}: queues a repair of the shard on its first owner (asynchronous and
 * idempotent) and prints {@code Repair Shard 21179 queued}.
 */
@Command(name = "repair", description = "Queues a shard for repair (asynchronous; queuing twice is harmless).")
public final class EntropyRepairVerb extends Verb {

    @Parameters(index = "0", paramLabel = "<shard ID>", description = "The shard, as entropy show lists it.")
    String shard;

    private long shardId;

    @Override
    protected void validate() {
        shardId = EntropyVerb.shardId(shard, spec);
    }

    @Override
    protected int run(CtlContext ctx) {
        ClusterMetadata metadata = ctx.metadata();
        ShardLocation location = ctx.shard(metadata, shardId);
        ctx.timed(() -> EntropyVerb.client(ctx, metadata, location.shard().owners()).repair(shardId));
        ctx.out().println("Repair Shard " + shardId + " queued");
        return 0;
    }
}
