package io.shardline.ctl.verb;

import io.shardline.ctl.AddressConverter;
import io.shardline.ctl.CtlContext;
import io.shardline.ctl.Verb;
import io.shardline.ctl.datanode.ShardAdminClient;
import io.shardline.ctl.format.Messages;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.NodeInfo;
import io.shardline.proto.datanode.DescribeDataNodeResponse;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code add-data ADDR}: adds a running data node to the cluster. The node at ADDR is told the meta
 * nodes' MetaService addresses (it keeps them and registers with them, as on every later start), and
 * registered under the addresses it advertises; registering is idempotent, so adding a node twice
 * prints its id again.
 */
@Command(name = "add-data", description = {"Adds a running data node to the cluster.",
        "Start the data node without [meta] meta-servers; it joins through this command."})
public final class AddDataVerb extends Verb {

    @Parameters(index = "0", paramLabel = "tcp-address", converter = AddressConverter.class,
            description = "The data node's TCP address (bind-address).")
    String address;

    @Override
    protected int run(CtlContext ctx) {
        ClusterMetadata metadata = ctx.metadata();
        ShardAdminClient nodes = ctx.shardAdmin();
        DescribeDataNodeResponse node = nodes.describe(address);
        nodes.join(address, metaServers(metadata));
        NodeInfo added = ctx.meta(c -> c.changes().addDataNode(node.getTcpAddress(), node.getHttpAddress()));
        ctx.out().println(Messages.addedDataNode(added.id(), address));
        return 0;
    }

    /** The MetaService addresses of the meta nodes, which data nodes and ctl talk to. */
    static List<String> metaServers(ClusterMetadata metadata) {
        return metadata.metaNodes().stream().map(NodeInfo::httpAddress).filter(a -> !a.isEmpty()).toList();
    }
}
