package io.shardline.ctl.verb;

import io.shardline.ctl.CtlContext;
import io.shardline.ctl.Verb;
import io.shardline.ctl.format.ShowOutput;
import io.shardline.meta.client.ClusterStatus;
import io.shardline.meta.client.MetaClient;
import picocli.CommandLine.Command;

/** {@code show}: data nodes, meta nodes (with the versions they announce) and the Raft leader and peers. */
@Command(name = "show", description = "Lists the data nodes, the meta nodes and the Raft status of the cluster.")
public final class ShowVerb extends Verb {

    @Override
    protected int run(CtlContext ctx) {
        ClusterStatus status = ctx.meta(MetaClient::clusterStatus);
        ctx.out().print(ShowOutput.render(status));
        return 0;
    }
}
