package io.shardline.ctl.verb;

import io.shardline.common.error.ShardlineException;
import io.shardline.ctl.AddressConverter;
import io.shardline.ctl.CtlContext;
import io.shardline.ctl.Verb;
import io.shardline.ctl.datanode.ShardAdminClient;
import io.shardline.ctl.format.Messages;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.NodeInfo;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code update-data OLD NEW}: re-points a data node's id (and its shard ownership) at a new TCP
 * address, for replacing or renaming a node. Rejected if another node has the new address. When a
 * data node already runs at NEW (started without meta servers, as the replacement procedure says),
 * it is registered with the HTTP address it advertises and told the meta servers, so it takes over
 * the id at once; its shards then show as missing in {@code show-shards -v} until they are copied.
 * Otherwise the HTTP address stays until the node announces its own.
 */
@Command(name = "update-data", description = {"Moves a data node's id and shards to a new TCP address.",
        "Start the replacement node first, without [meta] meta-servers; then copy its shards with copy-shard."})
public final class UpdateDataVerb extends Verb {

    @Parameters(index = "0", paramLabel = "old-tcp-address", converter = AddressConverter.class,
            description = "The TCP address the node is registered under.")
    String oldAddress;

    @Parameters(index = "1", paramLabel = "new-tcp-address", converter = AddressConverter.class,
            description = "The TCP address of the replacement node.")
    String newAddress;

    @Override
    protected int run(CtlContext ctx) {
        ClusterMetadata metadata = ctx.metadata();
        ShardAdminClient nodes = ctx.shardAdmin();
        Optional<String> http = replacementHttpAddress(nodes);
        NodeInfo node = ctx.meta(client -> client.changes().updateDataNode(oldAddress, newAddress, http.orElse("")));
        if (http.isPresent()) {
            nodes.join(newAddress, AddDataVerb.metaServers(metadata));
        }
        ctx.out().println(Messages.updatedDataNode(node.id(), node.tcpAddress()));
        return 0;
    }

    /** The HTTP address the node running at the new address advertises, if one answers there. */
    private Optional<String> replacementHttpAddress(ShardAdminClient nodes) {
        try {
            return Optional.of(nodes.describe(newAddress).getHttpAddress());
        } catch (ShardlineException e) {
            return Optional.empty();
        }
    }
}
