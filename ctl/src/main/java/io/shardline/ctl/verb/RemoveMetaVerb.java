package io.shardline.ctl.verb;

import io.shardline.ctl.AddressConverter;
import io.shardline.ctl.CtlContext;
import io.shardline.ctl.Verb;
import io.shardline.ctl.format.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code remove-meta [-force -tcpAddr RAFT] [-y] ADDR}: removes a meta node from the Raft group after
 * a {@code [y/N]} question (skipped with {@code -y}). {@code -force} removes a node that cannot be
 * reached and needs its Raft address; a force-removed node must never be restarted.
 */
@Command(name = "remove-meta", description = {"Removes a meta node from the cluster.",
        "To remove a node that is down for good, bind to a live meta node and give -force -tcpAddr.",
        "A force-removed node must not be restarted."})
public final class RemoveMetaVerb extends Verb {

    @Option(names = {"-force", "--force"}, description = "Remove the node without contacting it (it is down).")
    boolean force;

    @Option(names = {"-tcpAddr", "--tcpAddr"}, paramLabel = "raft-address", converter = AddressConverter.class,
            description = "The node's Raft address ([meta] bind-address); required with -force.")
    String raftAddress = "";

    @Option(names = {"-y", "--y"}, description = "Assume yes: do not ask for confirmation.")
    boolean yes;

    @Parameters(index = "0", paramLabel = "http-address", converter = AddressConverter.class,
            description = "The meta node's MetaService address ([meta] http-bind-address).")
    String address;

    @Override
    protected void validate() {
        if (force && raftAddress.isEmpty()) {
            throw usage("-tcpAddr is required with -force");
        }
    }

    @Override
    protected int run(CtlContext ctx) {
        if (!yes && !ctx.confirm(Messages.removeMetaPrompt(address, force))) {
            return 0;
        }
        ctx.meta(client -> {
            client.changes().removeMetaNode(address, raftAddress, force);
            return null;
        });
        ctx.out().println(Messages.removedMetaNode(address));
        return 0;
    }
}
