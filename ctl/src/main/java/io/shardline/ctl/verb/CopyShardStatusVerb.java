package io.shardline.ctl.verb;

import io.shardline.common.error.ShardlineException;
import io.shardline.ctl.CtlContext;
import io.shardline.ctl.Verb;
import io.shardline.ctl.datanode.ShardAdminClient;
import io.shardline.ctl.format.CopyStatusOutput;
import io.shardline.ctl.format.CopyStatusRow;
import io.shardline.meta.model.NodeInfo;
import io.shardline.proto.datanode.CopyShardInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code copy-shard-status}: the copies in progress, asked of every data node. Both ends of a copy
 * report it; one line per copy is printed, with the destination's figures when it answered (it
 * counts bytes received and checked) and the source's otherwise. Nodes that do not answer are
 * skipped.
 */
@Command(name = "copy-shard-status", description = "Lists the shard copies in progress.")
public final class CopyShardStatusVerb extends Verb {

    private record Key(String source, String destination, long shardId) {
    }

    @Override
    protected int run(CtlContext ctx) {
        List<NodeInfo> nodes = ctx.metadata().dataNodes();
        ShardAdminClient admin = ctx.shardAdmin();
        Map<Key, CopyShardInfo> copies = new LinkedHashMap<>();
        for (NodeInfo node : nodes) {
            List<CopyShardInfo> reported;
            try {
                reported = admin.copies(node.tcpAddress());
            } catch (ShardlineException e) {
                continue;
            }
            for (CopyShardInfo c : reported) {
                Key key = new Key(c.getSourceTcpAddress(), c.getDestinationTcpAddress(), c.getShardId());
                copies.merge(key, c, (a, b) -> a.getSide().equals("destination") ? a : b);
            }
        }
        List<CopyStatusRow> rows = new ArrayList<>();
        copies.values().forEach(c -> rows.add(new CopyStatusRow(c.getSourceTcpAddress(), c.getDestinationTcpAddress(),
                c.getDatabase(), c.getRetentionPolicy(), c.getShardId(), c.getTotalBytes(), c.getCopiedBytes(),
                c.getStartedAt())));
        ctx.out().print(CopyStatusOutput.render(rows, ctx.zone()));
        return 0;
    }
}
