package io.shardline.ctl.verb;

import io.shardline.ctl.CtlContext;
import io.shardline.ctl.Verb;
import io.shardline.ctl.format.ShardsOutput;
import io.shardline.meta.model.ClusterMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code show-shards [-e]}: every shard with its group's times and its owners. Expired and deleted
 * groups are hidden unless {@code -e}. ({@code -v}, owner state from the data nodes, plugs in a
 * different owners cell through {@link ShardsOutput#rows}.)
 */
@Command(name = "show-shards", description = "Lists the shards of the cluster and their owners.")
public final class ShowShardsVerb extends Verb {

    @Option(names = {"-e", "--e"}, description = "Include expired and deleted shards.")
    boolean includeExpired;

    @Override
    protected int run(CtlContext ctx) {
        ClusterMetadata metadata = ctx.metadata();
        ctx.out().print(ShardsOutput.render(ShardsOutput.rows(metadata, ctx.nowNanos(), includeExpired,
                ShardsOutput.plainOwners(metadata))));
        return 0;
    }
}
