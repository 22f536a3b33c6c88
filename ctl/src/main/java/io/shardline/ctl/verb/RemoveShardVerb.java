package io.shardline.ctl.verb;

import io.shardline.ctl.AddressConverter;
import io.shardline.ctl.CtlContext;
import io.shardline.ctl.Verb;
import io.shardline.ctl.format.Messages;
import io.shardline.meta.model.ClusterMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code remove-shard ADDR ID}: the data node at ADDR removes itself from the shard's owners in meta,
 * then deletes its replica. In that order, a failure never leaves an owner that silently lacks its
 * data: if the deletion fails the files are orphans that a second remove-shard deletes.
 */
@Command(name = "remove-shard", description = {"Deletes a shard's replica from a data node and drops that"
        + " owner.", "Irreversible: the node's copy of the shard is deleted."})
public final class RemoveShardVerb extends Verb {

    @Parameters(index = "0", paramLabel = "tcp-address", converter = AddressConverter.class,
            description = "TCP address of the data node holding the replica.")
    String address;

    @Parameters(index = "1", paramLabel = "shard-id", description = "The shard's id.")
    long shardId;

    @Override
    protected int run(CtlContext ctx) {
        ClusterMetadata metadata = ctx.metadata();
        ctx.dataNode(metadata, address);
        ctx.shard(metadata, shardId);
        ctx.shardAdmin().removeShard(address, shardId);
        ctx.out().println(Messages.removedShard(shardId, address));
        return 0;
    }
}
