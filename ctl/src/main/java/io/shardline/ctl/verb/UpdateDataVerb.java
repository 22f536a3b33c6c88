package io.shardline.ctl.verb;

import io.shardline.ctl.AddressConverter;
import io.shardline.ctl.CtlContext;
import io.shardline.ctl.Verb;
import io.shardline.ctl.format.Messages;
import io.shardline.meta.model.NodeInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code update-data OLD NEW}: re-points a data node's id (and its shard ownership) at a new TCP
 * address, for replacing or renaming a node. Rejected if another node has the new address.
 */
@Command(name = "update-data", description = "Moves a data node's id and shards to a new TCP address.")
public final class UpdateDataVerb extends Verb {

    @Parameters(index = "0", paramLabel = "old-tcp-address", converter = AddressConverter.class,
            description = "The TCP address the node is registered under.")
    String oldAddress;

    @Parameters(index = "1", paramLabel = "new-tcp-address", converter = AddressConverter.class,
            description = "The TCP address of the replacement node.")
    String newAddress;

    @Override
    protected int run(CtlContext ctx) {
        NodeInfo node = ctx.meta(client -> client.changes().updateDataNode(oldAddress, newAddress, ""));
        ctx.out().println(Messages.updatedDataNode(node.id(), node.tcpAddress()));
        return 0;
    }
}
