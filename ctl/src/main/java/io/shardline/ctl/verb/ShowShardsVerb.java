package io.shardline.ctl.verb;

import io.shardline.common.error.ShardlineException;
import io.shardline.ctl.CtlContext;
import io.shardline.ctl.Verb;
import io.shardline.ctl.datanode.ShardAdminClient;
import io.shardline.ctl.format.OwnerDetail;
import io.shardline.ctl.format.ShardsOutput;
import io.shardline.ctl.format.VerboseOwnerList;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.ShardLocation;
import io.shardline.proto.datanode.LocalShardState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code show-shards [-v] [-e]}: every shard with its group's times and its owners. Expired and
 * deleted groups are hidden unless {@code -e}. With {@code -v} every owner is asked for its replica
 * (one call per data node) and printed with its state ({@code hot} if written within the node's
 * {@code [data] block-rewrite-cold-duration}, else {@code cold}; {@code missing} for an owner without
 * the data), last modification, size and error.
 */
@Command(name = "show-shards", description = "Lists the shards of the cluster and their owners.")
public final class ShowShardsVerb extends Verb {

    @Option(names = {"-e", "--e"}, description = "Include expired and deleted shards.")
    boolean includeExpired;

    @Option(names = {"-v", "--v"}, description = "Show each owner's replica: state (hot/cold/missing),"
            + " last modified, size, error.")
    boolean verbose;

    private record Replica(long shardId, long nodeId) {
    }

    @Override
    protected int run(CtlContext ctx) {
        ClusterMetadata metadata = ctx.metadata();
        Function<ShardLocation, String> owners = verbose ? verboseOwners(ctx, metadata)
                : ShardsOutput.plainOwners(metadata);
        ctx.out().print(ShardsOutput.render(ShardsOutput.rows(metadata, ctx.nowNanos(), includeExpired, owners)));
        return 0;
    }

    private static Function<ShardLocation, String> verboseOwners(CtlContext ctx, ClusterMetadata metadata) {
        ShardAdminClient admin = ctx.shardAdmin();
        Map<Replica, OwnerDetail> details = new HashMap<>();
        for (NodeInfo node : metadata.dataNodes()) {
            List<Long> ids = metadata.shardsOwnedBy(node.id()).stream().map(ShardLocation::shardId).toList();
            if (ids.isEmpty()) {
                continue;
            }
            try {
                for (LocalShardState s : admin.replicas(node.tcpAddress(), ids)) {
                    details.put(new Replica(s.getShardId(), node.id()), new OwnerDetail(node.id(), node.tcpAddress(),
                            s.getState(), s.getLastModified(), s.getSize(), s.getError()));
                }
            } catch (ShardlineException e) {
                ids.forEach(id -> details.put(new Replica(id, node.id()),
                        new OwnerDetail(node.id(), node.tcpAddress(), "", 0, 0, e.getMessage())));
            }
        }
        return location -> {
            List<OwnerDetail> owners = new ArrayList<>();
            for (long id : location.shard().owners()) {
                String address = metadata.dataNode(id).map(NodeInfo::tcpAddress).orElse("");
                owners.add(details.getOrDefault(new Replica(location.shardId(), id),
                        new OwnerDetail(id, address, "", 0, 0, "data node " + id + " is not in the cluster")));
            }
            return VerboseOwnerList.format(owners, ctx.zone());
        };
    }
}
