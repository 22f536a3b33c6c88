package io.shardline.ctl.verb;

import io.shardline.common.unit.GoDurations;
import io.shardline.ctl.CtlContext;
import io.shardline.ctl.Verb;
import io.shardline.ctl.backup.Restore;
import java.util.OptionalInt;
import java.util.OptionalLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code restore [flags] <manifest-file | backup-dir>}: Enterprise's flags and output (see
 * {@link Restore}); the target database must not exist, {@code -newrf} is capped at the number of
 * data nodes.
 */
@Command(name = "restore", description = {"Restores the metastore and shard data from a backup.",
        "The target database must be empty; use -newdb to restore under another name."})
public final class RestoreVerb extends Verb {

    @Parameters(index = "0", paramLabel = "manifest-file | backup-dir", description = "What to restore from.")
    String path;

    @Option(names = {"-full", "--full"}, description = "Restore meta and data from the given .manifest file.")
    boolean full;

    @Option(names = {"-db", "--db"}, defaultValue = "", description = "The database to restore.")
    String database;

    @Option(names = {"-rp", "--rp"}, defaultValue = "", description = "The retention policy to restore (needs -db).")
    String retentionPolicy;

    @Option(names = {"-shard", "--shard"}, defaultValue = "0", description = "The shard to restore.")
    long shardId;

    @Option(names = {"-list", "--list"}, description = "List what the backup holds; restore nothing.")
    boolean list;

    @Option(names = {"-newdb", "--newdb"}, defaultValue = "", description = "Restore the database under this name (needs -db).")
    String newDatabase;

    @Option(names = {"-newrp", "--newrp"}, defaultValue = "", description = "Restore the policy under this name (needs -rp).")
    String newRetentionPolicy;

    @Option(names = {"-newrf", "--newrf"}, defaultValue = "0",
            description = "Replication factor of the restored policies (capped at the number of data nodes).")
    int newReplication;

    @Option(names = {"-newduration", "--newduration"}, defaultValue = "",
            description = "Duration of the restored policy (needs -rp); 0s for infinite.")
    String newDuration;

    @Option(names = {"-newshard", "--newshard"}, defaultValue = "0",
            description = "Restore the shard into this existing shard (needs -shard).")
    long newShardId;

    private OptionalLong duration = OptionalLong.empty();

    @Override
    protected void validate() {
        if (!newDatabase.isEmpty() && database.isEmpty()) {
            throw usage("-newdb requires -db");
        }
        if (!retentionPolicy.isEmpty() && database.isEmpty()) {
            throw usage("-rp requires -db");
        }
        if (!newRetentionPolicy.isEmpty() && retentionPolicy.isEmpty()) {
            throw usage("-newrp requires -rp");
        }
        if (!newDuration.isEmpty() && retentionPolicy.isEmpty()) {
            throw usage("-newduration requires -rp");
        }
        if (newShardId != 0 && shardId == 0) {
            throw usage("-newshard requires -shard");
        }
        if (newReplication < 0 || shardId < 0 || newShardId < 0) {
            throw usage("-newrf, -shard and -newshard must not be negative");
        }
        if (!newDuration.isEmpty()) {
            try {
                duration = OptionalLong.of(GoDurations.parse(newDuration).toNanos());
            } catch (IllegalArgumentException e) {
                throw usage("invalid -newduration " + newDuration + ": " + e.getMessage());
            }
        }
    }

    @Override
    protected int run(CtlContext ctx) {
        Restore.Options options = new Restore.Options(full, database, retentionPolicy, shardId, list, newDatabase,
                newRetentionPolicy, newReplication == 0 ? OptionalInt.empty() : OptionalInt.of(newReplication),
                duration, newShardId);
        return new Restore(ctx, options, path).run();
    }
}
