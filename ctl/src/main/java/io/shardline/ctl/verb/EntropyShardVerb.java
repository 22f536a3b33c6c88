package io.shardline.ctl.verb;

import io.shardline.ctl.CtlContext;
import io.shardline.ctl.Verb;
import io.shardline.ctl.datanode.EntropyClient;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.ShardLocation;
import picocli.CommandLine.Parameters;

/**
 * An {@code entropy} verb acting on one shard: checks the ID, finds the shard (an unknown one is an
 * error), asks the data nodes (the shard's owners first) and prints one line.
 */
abstract class EntropyShardVerb extends Verb {

    @Parameters(index = "0", paramLabel = "<shard ID>", description = "The shard, as entropy show lists it.")
    String shard;

    private long shardId;

    @Override
    protected final void validate() {
        shardId = EntropyVerb.shardId(shard, spec);
    }

    @Override
    protected final int run(CtlContext ctx) {
        ClusterMetadata metadata = ctx.metadata();
        ShardLocation location = ctx.shard(metadata, shardId);
        ctx.timed(() -> {
            act(EntropyVerb.client(ctx, metadata, location.shard().owners()), shardId);
            return null;
        });
        ctx.out().println(done(shardId));
        return 0;
    }

    /** Asks the data nodes. */
    abstract void act(EntropyClient client, long shardId);

    /** The line printed once they answered. */
    abstract String done(long shardId);
}
