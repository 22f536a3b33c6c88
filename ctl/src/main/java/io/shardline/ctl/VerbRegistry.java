package io.shardline.ctl;

import io.shardline.ctl.verb.AddMetaVerb;
import io.shardline.ctl.verb.RemoveDataVerb;
import io.shardline.ctl.verb.RemoveMetaVerb;
import io.shardline.ctl.verb.ShowShardsVerb;
import io.shardline.ctl.verb.ShowVerb;
import io.shardline.ctl.verb.TruncateShardsVerb;
import io.shardline.ctl.verb.UpdateDataVerb;
import java.util.List;

/**
 * Every ctl verb, in the order {@code -help} lists them. A new verb is a {@link Verb} subclass added
 * here. Verbs that talk to data nodes (add-data, copy-shard, copy-shard-status, kill-copy-shard,
 * remove-shard, entropy show|repair|kill-repair, show-shards -v) find nodes and shards with
 * {@link CtlContext#metadata()}, {@link CtlContext#dataNode} and {@link CtlContext#shard}, and call
 * them through {@link CtlContext#dataNodes()}.
 */
public final class VerbRegistry {

    private VerbRegistry() {
    }

    /** Fresh instances of every verb (picocli keeps per-run state in them). */
    public static List<Verb> verbs() {
        return List.of(
                new AddMetaVerb(),
                new RemoveDataVerb(),
                new RemoveMetaVerb(),
                new ShowVerb(),
                new ShowShardsVerb(),
                new TruncateShardsVerb(),
                new UpdateDataVerb());
    }
}
