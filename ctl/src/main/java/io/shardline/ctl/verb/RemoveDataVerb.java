package io.shardline.ctl.verb;

import io.shardline.ctl.AddressConverter;
import io.shardline.ctl.CtlContext;
import io.shardline.ctl.Verb;
import io.shardline.ctl.format.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code remove-data [-force] ADDR}: removes a data node from the cluster metadata and from every
 * shard's owners (shards are not re-homed). Without {@code -force} the node must be live.
 */
@Command(name = "remove-data", description = {"Removes a data node from the cluster.",
        "Its shards are not copied elsewhere: shards it owned run under-replicated until copied."})
public final class RemoveDataVerb extends Verb {

    @Option(names = {"-force", "--force"}, description = "Remove the node even if it is not responding.")
    boolean force;

    @Parameters(index = "0", paramLabel = "tcp-address", converter = AddressConverter.class,
            description = "The data node's TCP address (bind-address, as `show` lists it).")
    String address;

    @Override
    protected int run(CtlContext ctx) {
        ctx.meta(client -> client.changes().removeDataNode(address, force));
        ctx.out().println(Messages.removedDataNode(address));
        return 0;
    }
}
