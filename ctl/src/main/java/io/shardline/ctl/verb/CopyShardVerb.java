package io.shardline.ctl.verb;

import io.shardline.ctl.AddressConverter;
import io.shardline.ctl.ByteSizeConverter;
import io.shardline.ctl.CtlContext;
import io.shardline.ctl.Verb;
import io.shardline.ctl.datanode.ShardAdminClient;
import io.shardline.ctl.format.Messages;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.ShardLocation;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code copy-shard SRC DST ID}: the destination pulls a consistent snapshot of the shard from the
 * source, installs it, becomes an owner and catches up with what the source received meanwhile; the
 * verb waits until that is done, however long it takes ({@code -timeout} bounds each call to a node,
 * not the copy). Interrupting the ctl does not stop the copy: see {@code copy-shard-status} and
 * {@code kill-copy-shard}.
 */
@Command(name = "copy-shard", description = {"Copies a shard from one data node to another and makes the"
        + " destination an owner.", "Waits until the copy is done; writes to the shard go on meanwhile."})
public final class CopyShardVerb extends Verb {

    private static final Duration MAX_WAIT = Duration.ofSeconds(5);

    @Parameters(index = "0", paramLabel = "source-tcp-address", converter = AddressConverter.class,
            description = "TCP address of a data node that has the shard.")
    String source;

    @Parameters(index = "1", paramLabel = "destination-tcp-address", converter = AddressConverter.class,
            description = "TCP address of the data node to copy it to.")
    String destination;

    @Parameters(index = "2", paramLabel = "shard-id", description = "The shard's id.")
    long shardId;

    @Option(names = {"-rate-limit", "--rate-limit"}, paramLabel = "bytes/s", converter = ByteSizeConverter.class,
            defaultValue = "0", description = "Shardline only: most bytes per second to send, e.g. 10m; 0 (default)"
                    + " for no limit.")
    long rateLimit;

    @Override
    protected void validate() {
        if (source.equals(destination)) {
            throw usage("source and destination are the same data node: " + source);
        }
    }

    @Override
    protected int run(CtlContext ctx) {
        ClusterMetadata metadata = ctx.metadata();
        ctx.dataNode(metadata, source);
        ctx.dataNode(metadata, destination);
        ShardLocation shard = ctx.shard(metadata, shardId);
        ShardAdminClient nodes = ctx.shardAdmin();
        nodes.copyShard(destination, source, shardId, shard.database(), shard.retentionPolicy(), rateLimit);
        Duration wait = ctx.timeout().dividedBy(2).compareTo(MAX_WAIT) < 0 ? ctx.timeout().dividedBy(2) : MAX_WAIT;
        while (true) {
            ShardAdminClient.CopyResult r = nodes.awaitCopy(destination, source, shardId, wait);
            if (r.finished()) {
                r.error().ifPresent(e -> {
                    throw e;
                });
                break;
            }
        }
        ctx.out().println(Messages.copiedShard(shardId, source, destination));
        return 0;
    }
}
