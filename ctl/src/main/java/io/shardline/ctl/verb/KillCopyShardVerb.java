package io.shardline.ctl.verb;

import io.shardline.ctl.AddressConverter;
import io.shardline.ctl.CtlContext;
import io.shardline.ctl.Verb;
import io.shardline.ctl.format.Messages;
import io.shardline.meta.model.ClusterMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code kill-copy-shard SRC DST ID}: aborts a copy in progress. Returns once the destination rolled
 * it back: no partial files, and no owner entry the copy had added.
 */
@Command(name = "kill-copy-shard", description = "Aborts a shard copy in progress and removes what it copied.")
public final class KillCopyShardVerb extends Verb {

    @Parameters(index = "0", paramLabel = "source-tcp-address", converter = AddressConverter.class,
            description = "TCP address of the copy's source data node.")
    String source;

    @Parameters(index = "1", paramLabel = "destination-tcp-address", converter = AddressConverter.class,
            description = "TCP address of the copy's destination data node.")
    String destination;

    @Parameters(index = "2", paramLabel = "shard-id", description = "The shard's id.")
    long shardId;

    @Override
    protected int run(CtlContext ctx) {
        ClusterMetadata metadata = ctx.metadata();
        ctx.dataNode(metadata, source);
        ctx.dataNode(metadata, destination);
        ctx.shardAdmin().killCopy(destination, source, shardId);
        ctx.out().println(Messages.killedShardCopy(shardId, source, destination));
        return 0;
    }
}
