package io.shardline.ctl.verb;

import io.shardline.ctl.CtlContext;
import io.shardline.ctl.Verb;
import io.shardline.ctl.format.EntropyOutput;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.proto.datanode.EntropyStatusResponse;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code entropy show [-v]}: the shards with entropy ({@code diff}, {@code missing}) merged over every
 * data node, and the repair queue; {@code -v} adds each owner's figures for every diff shard.
 */
@Command(name = "show", description = "Lists the shards with entropy and the shards in the repair queue.")
public final class EntropyShowVerb extends Verb {

    @Option(names = {"-v", "--v"}, description = "Also show every owner's points, digest root, last change and "
            + "the bytes a repair would send, for each shard with status diff.")
    boolean verbose;

    @Override
    protected int run(CtlContext ctx) {
        ClusterMetadata metadata = ctx.metadata();
        EntropyStatusResponse status = ctx.timed(() -> EntropyVerb.client(ctx, metadata, List.of()).status(verbose));
        ctx.out().print(EntropyOutput.render(status, verbose));
        return 0;
    }
}
