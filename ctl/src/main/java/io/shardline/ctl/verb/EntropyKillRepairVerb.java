package io.shardline.ctl.verb;

import io.shardline.ctl.CtlContext;
import io.shardline.ctl.Verb;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.ShardLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code entropy kill-repair <shard ID>}: removes the shard from every data node's repair queue and
 * prints {@code Shard 21179 removed from repair queue}. A repair already running is not stopped, and
 * the copy of a missing shard cannot be cancelled (as in InfluxDB Enterprise).
 */
@Command(name = "kill-repair", description = "Removes a shard from the repair queue (a running repair goes on).")
public final class EntropyKillRepairVerb extends Verb {

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
        ctx.timed(() -> {
            EntropyVerb.client(ctx, metadata, location.shard().owners()).cancelRepair(shardId);
            return null;
        });
        ctx.out().println("Shard " + shardId + " removed from repair queue");
        return 0;
    }
}
