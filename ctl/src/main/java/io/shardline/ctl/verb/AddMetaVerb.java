package io.shardline.ctl.verb;

import io.shardline.ctl.AddressConverter;
import io.shardline.ctl.CtlContext;
import io.shardline.ctl.Verb;
import io.shardline.ctl.format.Messages;
import io.shardline.meta.model.NodeInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code add-meta ADDR}: joins a running, un-joined meta node to the Raft group. */
@Command(name = "add-meta", description = "Adds a running meta node that is not in a cluster yet to this cluster.")
public final class AddMetaVerb extends Verb {

    @Parameters(index = "0", paramLabel = "http-address", converter = AddressConverter.class,
            description = "The new meta node's MetaService address ([meta] http-bind-address).")
    String address;

    @Override
    protected int run(CtlContext ctx) {
        NodeInfo node = ctx.meta(client -> client.changes().addMetaNode(address));
        ctx.out().println(Messages.addedMetaNode(node.id(), address));
        return 0;
    }
}
