package io.shardline.ctl.verb;

import io.shardline.ctl.CtlContext;
import io.shardline.ctl.GoDurationConverter;
import io.shardline.ctl.Verb;
import io.shardline.ctl.format.Messages;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code truncate-shards [-delay d]}: ends every hot shard group at now + delay (and voids groups
 * created ahead of time), so the next writes open groups placed on the current nodes and policy.
 */
@Command(name = "truncate-shards", description = "Truncates the hot shard groups so new ones start.")
public final class TruncateShardsVerb extends Verb {

    @Option(names = {"-delay", "--delay"}, paramLabel = "duration", defaultValue = "1m0s",
            converter = GoDurationConverter.class,
            description = "How far in the future to truncate. Default: ${DEFAULT-VALUE}.")
    Duration delay;

    @Override
    protected int run(CtlContext ctx) {
        ctx.meta(client -> client.changes().truncateShardGroups(delay));
        ctx.out().println(Messages.TRUNCATED_SHARDS);
        return 0;
    }
}
