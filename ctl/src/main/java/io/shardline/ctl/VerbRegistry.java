package io.shardline.ctl;

import io.shardline.ctl.verb.AddDataVerb;
import io.shardline.ctl.verb.AddMetaVerb;
import io.shardline.ctl.verb.BackupVerb;
import io.shardline.ctl.verb.CopyShardStatusVerb;
import io.shardline.ctl.verb.CopyShardVerb;
import io.shardline.ctl.verb.EntropyVerb;
import io.shardline.ctl.verb.KillCopyShardVerb;
import io.shardline.ctl.verb.RemoveDataVerb;
import io.shardline.ctl.verb.RemoveMetaVerb;
import io.shardline.ctl.verb.RemoveShardVerb;
import io.shardline.ctl.verb.RestoreVerb;
import io.shardline.ctl.verb.ShowShardsVerb;
import io.shardline.ctl.verb.ShowVerb;
import io.shardline.ctl.verb.TokenVerb;
import io.shardline.ctl.verb.TruncateShardsVerb;
import io.shardline.ctl.verb.UpdateDataVerb;
import java.util.List;

/**
 * Every ctl verb, in the order {@code -help} lists them. A new verb is a {@link Verb} subclass added
 * here. Verbs that talk to data nodes (add-data, update-data, copy-shard, copy-shard-status,
 * kill-copy-shard, remove-shard, show-shards -v, later entropy) find nodes and shards with
 * {@link CtlContext#metadata()}, {@link CtlContext#dataNode} and {@link CtlContext#shard}, and call
 * them through {@link CtlContext#shardAdmin()} (over {@link CtlContext#dataNodes()}).
 */
public final class VerbRegistry {

    private VerbRegistry() {
    }

    /** Fresh instances of every verb (picocli keeps per-run state in them). */
    public static List<Verb> verbs() {
        return List.of(
                new AddDataVerb(),
                new AddMetaVerb(),
                new BackupVerb(),
                new CopyShardVerb(),
                new CopyShardStatusVerb(),
                new EntropyVerb(),
                new KillCopyShardVerb(),
                new RemoveDataVerb(),
                new RemoveMetaVerb(),
                new RemoveShardVerb(),
                new RestoreVerb(),
                new ShowVerb(),
                new ShowShardsVerb(),
                new TokenVerb(),
                new TruncateShardsVerb(),
                new UpdateDataVerb());
    }
}
