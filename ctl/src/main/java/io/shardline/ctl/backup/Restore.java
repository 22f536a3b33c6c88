package io.shardline.ctl.backup;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.time.Clock;
import io.shardline.common.unit.GoDurations;
import io.shardline.ctl.CtlContext;
import io.shardline.ctl.backup.BackupManifest.ShardEntry;
import io.shardline.meta.client.RetentionPolicySettings;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.ContinuousQueryInfo;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import io.shardline.meta.model.ShardLocation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One run of {@code shardline-ctl restore}: reads the backup ({@link BackupSet}), checks every archive
 * it will use before changing anything, creates the databases, retention policies and shard groups
 * (placed by the cluster's current rules, so the cluster may differ in size), then restores each
 * shard onto all its new owners at once: every owner stages and verifies the files, and only when all
 * have does each install it ({@link ShardSender}); a failure discards the staged copies everywhere and
 * drops the databases (or policies) this run created. A backup made by {@code influxd backup -portable}
 * (or with {@code -format tsm}) sends each shard's TSM files ({@link ShardPayload}) to every owner of the
 * new shards of its group, which convert them; the users of the backup the cluster lacks are created
 * with their hashes ({@link UserRestore}).
 * Runs on the ctl's thread (one sender thread per owner while a shard streams).
 */
public final class Restore {

    /** The flags of one restore; empty strings and 0 for absent. */
    public record Options(boolean full, String database, String retentionPolicy, long shardId, boolean list,
                          String newDatabase, String newRetentionPolicy, OptionalInt newReplication,
                          OptionalLong newDuration, long newShardId) {
    }

    private static final String INTERNAL = "_internal";

    private final CtlContext ctx;
    private final Options options;
    private final String pathArgument;
    /** Backed-up database name to the name it was restored under. */
    private final Map<String, String> restoredDatabases = new LinkedHashMap<>();
    /** What this run created, to drop on failure: {database, null} or {database, policy}. */
    private final List<String[]> created = new ArrayList<>();

    public Restore(CtlContext ctx, Options options, String pathArgument) {
        this.ctx = ctx;
        this.options = options;
        this.pathArgument = pathArgument;
    }

    public int run() {
        long started = ctx.nowNanos();
        PrintWriter out = ctx.out();
        Path path = Path.of(pathArgument);
        if (options.full() && !Files.isRegularFile(path)) {
            throw ShardlineException.invalid("-full requires the path of a .manifest file, not " + pathArgument);
        }
        BackupSet set = BackupSet.load(path);
        out.println(Files.isRegularFile(path) ? "Using manifest: " + pathArgument
                : "Using backup directory: " + pathArgument);
        out.println("Using meta backup: " + set.meta().fileName());
        PortableMeta.Decoded contents = set.contents();
        ClusterMetadata backup = contents.metadata();
        List<ShardEntry> entries = set.shards().stream().filter(this::selected).toList();
        if (options.list()) {
            return list(backup, entries);
        }
        Map<ShardEntry, ShardPayload> payloads = new LinkedHashMap<>();
        for (ShardEntry e : entries) {
            ShardArchives.verify(set.dir(), e);
            payloads.put(e, ShardPayload.of(set.dir(), e));
        }
        // one version for every converted TSM value, the same on every owner; later writes win over it
        long version = Clock.system().wallMillis() << 16;
        long bytes = set.meta().size();
        try {
            Map<ShardEntry, List<Long>> targets = options.newShardId() != 0 ? intoExistingShard(entries)
                    : restoreMeta(backup, entries);
            for (Map.Entry<ShardEntry, List<Long>> t : targets.entrySet()) {
                for (long target : t.getValue()) {
                    bytes += restoreShard(set.dir(), t.getKey(), payloads.get(t.getKey()), target, version);
                }
            }
            if (options.newShardId() == 0) {
                restoreContinuousQueries(backup, contents.subscriptions());
            }
        } catch (RuntimeException e) {
            rollBack();
            throw e;
        }
        String users = UserRestore.restore(ctx, backup, restoredDatabases);
        if (!users.isEmpty()) {
            out.println(users);
        }
        out.println("Restored from " + pathArgument + " in " + elapsed(started) + ", transferred " + bytes + " bytes");
        return 0;
    }

    /**
     * Creates the continuous queries of each database restored whole under its own name, once its data is in (a
     * query run meanwhile would have read half a restore). Under {@code -newdb} or {@code -rp} their text, which
     * names the backed-up database and policies, would not fit: they are listed, not created. Subscriptions,
     * which Shardline does not have, are listed too.
     */
    private void restoreContinuousQueries(ClusterMetadata backup, List<String> subscriptions) {
        for (Map.Entry<String, String> restored : restoredDatabases.entrySet()) {
            DatabaseInfo db = backup.databases().get(restored.getKey());
            List<String> names = db.continuousQueries().stream().map(ContinuousQueryInfo::name).toList();
            if (names.isEmpty()) {
                continue;
            }
            if (!options.newDatabase().isEmpty() || !options.retentionPolicy().isEmpty()) {
                ctx.out().println("Note: continuous queries of db " + db.name() + " not restored (-newdb or -rp"
                        + " given; their text names the backed-up database): " + String.join(", ", names));
                continue;
            }
            for (ContinuousQueryInfo cq : db.continuousQueries()) {
                ctx.meta(c -> {
                    c.changes().createContinuousQuery(db.name(), cq.name(), cq.query());
                    return null;
                });
            }
            ctx.out().println("Restored continuous queries of db " + db.name() + ": " + String.join(", ", names));
        }
        List<String> skipped = subscriptions.stream()
                .filter(s -> restoredDatabases.containsKey(s.substring(0, Math.max(0, s.indexOf('.'))))).toList();
        if (!skipped.isEmpty()) {
            ctx.out().println("Note: subscriptions are not restored (Shardline has none): " + String.join(", ", skipped));
        }
    }

    /** Drops what this restore created (its databases, or its policies in databases that existed), best effort. */
    private void rollBack() {
        for (String[] c : created) {
            try {
                if (c[1] == null) {
                    ctx.meta(m -> {
                        m.changes().dropDatabase(c[0]);
                        return null;
                    });
                } else {
                    ctx.meta(m -> {
                        m.changes().dropRetentionPolicy(c[0], c[1]);
                        return null;
                    });
                }
            } catch (RuntimeException e) {
                ctx.out().println("Warning: could not drop " + (c[1] == null ? "database " + c[0]
                        : "retention policy " + c[1] + " on " + c[0]) + " after the failed restore: " + e.getMessage());
            }
        }
        created.clear();
    }

    private boolean selected(ShardEntry e) {
        return (options.database().isEmpty() ? !e.database().equals(INTERNAL) : options.database().equals(e.database()))
                && (options.retentionPolicy().isEmpty() || options.retentionPolicy().equals(e.policy()))
                && (options.shardId() == 0 || options.shardId() == e.shardId());
    }

    private int list(ClusterMetadata backup, List<ShardEntry> entries) {
        PrintWriter out = ctx.out();
        for (DatabaseInfo db : backup.databases().values()) {
            for (RetentionPolicyInfo rp : db.retentionPolicies().values()) {
                out.println("db " + db.name() + ", rp " + rp.name() + ", duration "
                        + GoDurations.format(Duration.ofNanos(rp.duration())) + ", shard group duration "
                        + GoDurations.format(Duration.ofNanos(rp.shardGroupDuration())) + ", replication " + rp.replicaN());
            }
        }
        for (ShardEntry e : entries) {
            out.println("db " + e.database() + ", rp " + e.policy() + ", shard " + e.shardId() + ": " + e.fileName()
                    + ", " + e.size() + " bytes" + (e.startTime() == null ? "" : ", " + e.startTime() + " - "
                    + e.endTime()));
        }
        return 0;
    }

    /** {@code -shard S -newshard T}: the backed-up shard into an existing shard of the cluster. */
    private Map<ShardEntry, List<Long>> intoExistingShard(List<ShardEntry> entries) {
        if (entries.size() != 1) {
            throw ShardlineException.notFound("shard " + options.shardId() + " is not in the backup");
        }
        ctx.shard(ctx.metadata(), options.newShardId());
        return Map.of(entries.get(0), List.of(options.newShardId()));
    }

    /**
     * Creates what the restored shards need and maps each backed-up shard to its new shard: databases
     * and policies must not exist yet ({@code -newdb}/{@code -newrp} give new names).
     */
    private Map<ShardEntry, List<Long>> restoreMeta(ClusterMetadata backup, List<ShardEntry> entries) {
        long started = ctx.nowNanos();
        ClusterMetadata current = ctx.metadata();
        List<DatabaseInfo> databases = backup.databases().values().stream()
                .filter(db -> options.database().isEmpty() ? !db.name().equals(INTERNAL)
                        : db.name().equals(options.database())).toList();
        if (!options.database().isEmpty() && databases.isEmpty()) {
            throw ShardlineException.notFound("database " + options.database() + " is not in the backup");
        }
        for (DatabaseInfo db : databases) {
            checkTargetFree(current, db);
        }
        if (options.newReplication().isEmpty() && entries.stream().anyMatch(ShardPayload::foreign)) {
            // say so rather than drop it silently: InfluxDB OSS has no replication factor (its .meta says 1)
            ctx.out().println("Note: the backup comes from InfluxDB; its retention policies keep their replication"
                    + " factor (1 for InfluxDB OSS) unless -newrf is given");
        }
        ctx.out().print("Restoring meta data... ");
        ctx.out().flush();
        int dataNodes = Math.max(1, current.dataNodes().size());
        Map<ShardEntry, List<Long>> mapped = new LinkedHashMap<>();
        for (DatabaseInfo db : databases) {
            String target = options.newDatabase().isEmpty() ? db.name() : options.newDatabase();
            restoredDatabases.put(db.name(), target);
            if (current.databases().get(target) == null) {
                ctx.meta(c -> c.changes().createDatabase(target, Optional.empty(), false));
                created.add(new String[] {target, null});
            }
            for (RetentionPolicyInfo rp : db.retentionPolicies().values()) {
                if (!options.retentionPolicy().isEmpty() && !rp.name().equals(options.retentionPolicy())) {
                    continue;
                }
                String rpName = options.newRetentionPolicy().isEmpty() ? rp.name() : options.newRetentionPolicy();
                int replicas = Math.min(dataNodes, options.newReplication().orElse(rp.replicaN()));
                long duration = options.newDuration().orElse(rp.duration());
                RetentionPolicySettings settings = RetentionPolicySettings.of(rpName, duration, replicas,
                        rp.shardGroupDuration());
                boolean makeDefault = rp.name().equals(db.defaultRetentionPolicyName());
                ctx.meta(c -> c.changes().createRetentionPolicy(target, settings, makeDefault));
                if (current.databases().get(target) != null) {
                    created.add(new String[] {target, rpName});
                }
                mapGroups(db.name(), rp, target, rpName, entries, mapped);
            }
        }
        ctx.out().println("Done. Restored in " + elapsed(started) + ", " + mapped.size() + " shards mapped");
        return mapped;
    }

    private void checkTargetFree(ClusterMetadata current, DatabaseInfo db) {
        String target = options.newDatabase().isEmpty() ? db.name() : options.newDatabase();
        DatabaseInfo existing = current.databases().get(target);
        if (existing == null) {
            return;
        }
        if (options.retentionPolicy().isEmpty()) {
            throw new ShardlineException(ErrorCode.ALREADY_EXISTS,
                    "restore: operation exited with error: problem setting snapshot: database already exists");
        }
        String rpName = options.newRetentionPolicy().isEmpty() ? options.retentionPolicy() : options.newRetentionPolicy();
        if (existing.retentionPolicies().containsKey(rpName)) {
            throw new ShardlineException(ErrorCode.ALREADY_EXISTS, "restore: operation exited with error: problem"
                    + " setting snapshot: retention policy " + rpName + " already exists in database " + target);
        }
    }

    /** Creates the shard group of every backed-up group holding a restored shard; maps shards by position. */
    private void mapGroups(String db, RetentionPolicyInfo rp, String targetDb, String targetRp, List<ShardEntry> entries,
                           Map<ShardEntry, List<Long>> mapped) {
        for (ShardGroupInfo group : rp.shardGroups()) {
            if (group.deletedAt() != 0) {
                continue;
            }
            List<ShardInfo> shards = group.shards().stream().sorted(Comparator.comparingLong(ShardInfo::id)).toList();
            List<ShardEntry> inGroup = entries.stream().filter(e -> e.database().equals(db) && e.policy().equals(rp.name())
                    && shards.stream().anyMatch(s -> s.id() == e.shardId())).toList();
            if (inGroup.isEmpty()) {
                continue;
            }
            ShardGroupInfo created = ctx.meta(c -> c.changes().createShardGroupIfNotExists(targetDb, targetRp,
                    group.startTime()));
            List<ShardInfo> targets = created.shards().stream().sorted(Comparator.comparingLong(ShardInfo::id)).toList();
            for (ShardEntry e : inGroup) {
                int index = 0;
                while (shards.get(index).id() != e.shardId()) {
                    index++;
                }
                if (ShardPayload.foreign(e) && shards.size() == 1) {
                    // an InfluxDB OSS shard holds the group's every series: each new shard keeps its own
                    mapped.put(e, targets.stream().map(ShardInfo::id).toList());
                    continue;
                }
                if (index >= targets.size() || ShardPayload.foreign(e) && shards.size() != targets.size()) {
                    throw new ShardlineException(ErrorCode.FAILED_PRECONDITION, "shard group " + group.id() + " has "
                            + shards.size() + " shards in the backup but its new group " + created.id() + " has "
                            + targets.size() + ": cannot restore shard " + e.shardId());
                }
                mapped.put(e, List.of(targets.get(index).id()));
            }
        }
    }

    /** Stages the shard on every owner, then commits on all; returns the bytes sent. */
    private long restoreShard(Path dir, ShardEntry entry, ShardPayload payload, long targetId, long version) {
        long started = ctx.nowNanos();
        PrintWriter out = ctx.out();
        ShardLocation target = ctx.shard(ctx.metadata(), targetId);
        out.println("Restoring db " + entry.database() + ", rp " + entry.policy() + ", shard " + entry.shardId()
                + " to shard " + targetId + "...");
        ClusterMetadata metadata = ctx.metadata();
        List<String> owners = new ArrayList<>();
        for (long owner : target.shard().owners()) {
            metadata.dataNode(owner).ifPresent(n -> owners.add(n.tcpAddress()));
        }
        if (owners.isEmpty()) {
            throw new ShardlineException(ErrorCode.FAILED_PRECONDITION, "shard " + targetId + " has no owner to restore to");
        }
        List<ShardSender> senders = new ArrayList<>();
        List<CompletableFuture<Long>> staging = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(owners.size());
        long bytes = 0;
        try {
            for (String owner : owners) {
                out.print("Copying data to " + owner + "... ");
                ShardSender s = new ShardSender(owner, targetId);
                senders.add(s);
                staging.add(CompletableFuture.supplyAsync(() -> s.stage(ctx.dataNodes(), dir, entry, payload, version, Clock.system()),
                        threads));
            }
            out.flush();
            for (CompletableFuture<Long> f : staging) {
                bytes += f.join();
            }
        } catch (CompletionException e) {
            senders.forEach(s -> s.abort("another owner failed"));
            if (!payload.format().isEmpty() && e.getCause() instanceof ShardlineException x) {
                // the owner names the TSM file; say which archive and backed-up shard it came from
                throw new ShardlineException(x.code(), "archive " + entry.fileName() + " of shard " + entry.shardId()
                        + ": " + x.getMessage(), x);
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } finally {
            threads.shutdown();
        }
        senders.forEach(ShardSender::commit);
        out.println("Done. Restored shard " + entry.shardId() + " into shard " + targetId + " in " + elapsed(started)
                + ", " + bytes + " bytes transferred");
        out.flush();
        return bytes;
    }

    private String elapsed(long startedNanos) {
        return GoDurations.format(Duration.ofNanos(ctx.nowNanos() - startedNanos));
    }
}
