package io.shardline.ctl.verb;

import io.shardline.ctl.CtlContext;
import io.shardline.ctl.Verb;
import io.shardline.ctl.datanode.EntropyClient;
import io.shardline.meta.client.MetaClient;
import io.shardline.meta.client.NodeStatus;
import io.shardline.meta.model.ClusterMetadata;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;

/**
 * {@code entropy show|repair|kill-repair}: the anti-entropy service of the data nodes (InfluxDB
 * Enterprise 1.6+). Without a subcommand it prints its help.
 */
@Command(name = "entropy", description = "Shows and repairs entropy (inconsistent or missing shards) among data nodes.",
        subcommands = {EntropyShowVerb.class, EntropyRepairVerb.class, EntropyKillRepairVerb.class})
public final class EntropyVerb extends Verb {

    @Override
    protected int run(CtlContext ctx) {
        spec.commandLine().usage(ctx.out());
        return 0;
    }

    /** A client asking the data nodes, live ones first ({@code preferred} before the others). */
    static EntropyClient client(CtlContext ctx, ClusterMetadata metadata, List<Long> preferred) {
        Set<Long> live = new HashSet<>();
        try {
            for (NodeStatus s : ctx.meta(MetaClient::clusterStatus).dataNodes()) {
                if (s.live()) {
                    live.add(s.node().id());
                }
            }
        } catch (RuntimeException e) {
            metadata.dataNodes().forEach(n -> live.add(n.id()));
        }
        return new EntropyClient(ctx.dataNodes(), metadata, preferred, live);
    }

    /** The shard id argument: a positive integer. */
    static long shardId(String arg, picocli.CommandLine.Model.CommandSpec spec) {
        try {
            long id = Long.parseLong(arg);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "invalid shard ID \"" + arg + "\"");
    }
}
