package io.shardline.ctl.backup;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.unit.GoDurations;
import io.shardline.ctl.CtlContext;
import io.shardline.ctl.backup.BackupManifest.MetaEntry;
import io.shardline.ctl.backup.BackupManifest.ShardEntry;
import io.shardline.ctl.backup.BackupSelection.Choice;
import io.shardline.ctl.backup.BackupSelection.Replica;
import io.shardline.ctl.format.GoTimes;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.ShardLocation;
import io.shardline.proto.datanode.LocalShardState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * One run of {@code shardline-ctl backup}: reads the metadata, writes the {@code .meta}, picks the
 * shards ({@link BackupSelection}), pulls each from its chosen owner into an archive
 * ({@link ShardFetcher}) and writes the manifest last. A failure removes this run's files, so the
 * directory never holds a manifest of an incomplete backup. Runs on the ctl's thread.
 */
public final class Backup {

    /** The flags of one backup. */
    public record Options(String strategy, BackupSelection.Filter filter, Optional<String> from, boolean estimate,
                          int gzipLevel, long rateLimit, String format) {
    }

    private static final Duration IDLE = Duration.ofSeconds(60);
    /** Shards of at least this many bytes get progress lines, at most one per {@link #PROGRESS_EVERY}. */
    private static final long PROGRESS_MIN_BYTES = 64L << 20;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final CtlContext ctx;
    private final Options options;
    private final String dirArgument;
    private final Path dir;
    private final List<Path> written = new ArrayList<>();
    private final Duration progressEvery;
    private final long progressMinBytes;

    public Backup(CtlContext ctx, Options options, String dirArgument) {
        this(ctx, options, dirArgument, PROGRESS_EVERY, PROGRESS_MIN_BYTES);
    }

    /** With other progress settings: the least time between two lines, the smallest shard that gets them. */
    Backup(CtlContext ctx, Options options, String dirArgument, Duration progressEvery, long progressMinBytes) {
        this.ctx = ctx;
        this.options = options;
        this.dirArgument = dirArgument;
        this.dir = Path.of(dirArgument);
        this.progressEvery = progressEvery;
        this.progressMinBytes = progressMinBytes;
    }

    public int run() {
        long started = ctx.nowNanos();
        PrintWriter out = ctx.out();
        ClusterMetadata metadata = ctx.metadata();
        options.from().ifPresent(f -> {
            if (metadata.dataNodes().stream().noneMatch(n -> n.tcpAddress().equals(f))) {
                throw ShardlineException.notFound("data node \"" + f + "\" does not exist");
            }
        });
        prepareDirectory();
        List<Path> manifests = BackupFiles.manifests(dir);
        boolean incremental = options.strategy().equals("incremental") && !manifests.isEmpty();
        List<Choice> choices = options.strategy().equals("only-meta") ? List.of()
                : BackupSelection.choose(BackupSelection.candidates(metadata, options.filter()), replicas(metadata),
                        options.from(), incremental, previous(manifests));
        if (options.estimate()) {
            return estimate(choices);
        }
        String stamp = freshStamp();
        try {
            MetaEntry meta = writeMeta(metadata, stamp);
            out.println("Backing up meta data... Done. " + meta.size() + " bytes transferred");
            out.flush();
            List<ShardEntry> entries = new ArrayList<>();
            ShardFetcher fetcher = new ShardFetcher(ctx.dataNodes(), IDLE, options.gzipLevel());
            for (Choice c : choices) {
                entries.add(backUpShard(fetcher, c, stamp));
            }
            BackupSelection.Filter f = options.filter();
            String strategy = incremental ? "incremental" : options.strategy().equals("only-meta") ? "only-meta" : "full";
            BackupManifest manifest = new BackupManifest(meta, f.limited(), entries, f.database(), f.retentionPolicy(),
                    f.shardId(), strategy);
            Path manifestPath = dir.resolve(BackupFiles.manifestName(stamp));
            BackupFiles.write(manifest, manifestPath);
            written.add(manifestPath);
            out.println("Backed up to " + dirArgument + " in " + elapsed(started) + ", transferred " + manifest.size()
                    + " bytes");
            return 0;
        } catch (IOException e) {
            removeWritten();
            throw new ShardlineException(ErrorCode.INTERNAL, "backup to " + dirArgument + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            removeWritten();
            throw e;
        }
    }

    private void prepareDirectory() {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw ShardlineException.invalid("cannot create backup directory " + dirArgument + ": " + e.getMessage());
        }
    }

    /** A stamp no file in the directory uses yet (two backups within a second get the next second). */
    private String freshStamp() {
        Instant at = Instant.ofEpochSecond(Math.floorDiv(ctx.nowNanos(), 1_000_000_000L));
        while (Files.exists(dir.resolve(BackupFiles.metaName(BackupFiles.stamp(at))))
                || Files.exists(dir.resolve(BackupFiles.manifestName(BackupFiles.stamp(at))))) {
            at = at.plusSeconds(1);
        }
        return BackupFiles.stamp(at);
    }

    private MetaEntry writeMeta(ClusterMetadata metadata, String stamp) throws IOException {
        byte[] bytes = PortableMeta.encode(metadata);
        Path target = dir.resolve(BackupFiles.metaName(stamp));
        Path pending = target.resolveSibling(target.getFileName() + BackupFiles.PENDING);
        written.add(pending);
        Files.write(pending, bytes);
        BackupFiles.sync(pending);
        Files.move(pending, target, StandardCopyOption.ATOMIC_MOVE);
        written.add(target);
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return new MetaEntry(target.getFileName().toString(), bytes.length, (int) crc.getValue());
    }

    private ShardEntry backUpShard(ShardFetcher fetcher, Choice c, String stamp) {
        long started = ctx.nowNanos();
        ShardLocation l = c.shard();
        PrintWriter out = ctx.out();
        String opening = "Backing up node " + c.from().tcpAddress() + ", db " + l.database() + ", rp "
                + l.retentionPolicy() + ", shard " + l.shardId() + "... ";
        out.print(opening);
        out.flush();
        Path target = dir.resolve(BackupFiles.shardName(stamp, l.shardId()));
        written.add(target);
        ShardProgressPrinter progress = new ShardProgressPrinter(out, ctx::nowNanos, progressEvery,
                progressMinBytes, l.shardId());
        ShardFetcher.Fetched f = fetcher.fetch(c.shard(), c.from().tcpAddress(), options.format(), options.rateLimit(),
                target, started / 1_000_000_000L, progress);
        // after progress lines the closing line repeats the opening one: Enterprise's line stays whole
        out.println((progress.printed() ? opening : "") + "Done. Backed up in " + elapsed(started) + ", " + f.bytes()
                + " bytes transferred");
        out.flush();
        return new ShardEntry(l.database(), l.retentionPolicy(), l.shardId(), target.getFileName().toString(), f.bytes(),
                f.lastModified(), f.crc32c(), GoTimes.rfc3339Nano(l.group().startTime()),
                GoTimes.rfc3339Nano(l.group().endTime()), c.from().tcpAddress(), f.files(), options.format());
    }

    private int estimate(List<Choice> choices) {
        long total = 0;
        for (Choice c : choices) {
            ShardLocation l = c.shard();
            ctx.out().println("Would back up node " + c.from().tcpAddress() + ", db " + l.database() + ", rp "
                    + l.retentionPolicy() + ", shard " + l.shardId() + ": " + c.from().size() + " bytes");
            total += c.from().size();
        }
        ctx.out().println("Estimated backup to " + dirArgument + ": " + choices.size() + " shards, " + total + " bytes");
        return 0;
    }

    /** Each candidate shard's owners and their replica states. */
    private Map<Long, List<Replica>> replicas(ClusterMetadata metadata) {
        List<ShardLocation> candidates = options.strategy().equals("only-meta") ? List.of()
                : BackupSelection.candidates(metadata, options.filter());
        Map<Long, List<Long>> byNode = new HashMap<>();
        for (ShardLocation l : candidates) {
            l.shard().owners().forEach(o -> byNode.computeIfAbsent(o, k -> new ArrayList<>()).add(l.shardId()));
        }
        Map<Long, List<Replica>> out = new HashMap<>();
        for (Map.Entry<Long, List<Long>> e : byNode.entrySet()) {
            Optional<NodeInfo> node = metadata.dataNode(e.getKey());
            if (node.isEmpty()) {
                continue;
            }
            List<LocalShardState> states;
            try {
                states = ctx.shardAdmin().replicas(node.get().tcpAddress(), e.getValue());
            } catch (ShardlineException unreachable) {
                continue; // another owner may have the shard
            }
            for (LocalShardState s : states) {
                boolean present = s.getError().isEmpty() && !s.getState().equals("missing");
                out.computeIfAbsent(s.getShardId(), k -> new ArrayList<>()).add(new Replica(e.getKey(),
                        node.get().tcpAddress(), s.getLastModified(), s.getSize(), present));
            }
        }
        return out;
    }

    /** The newest backed-up stamp of every shard in the directory's manifests. */
    private static Map<Long, Long> previous(List<Path> manifests) {
        Map<Long, Long> out = new HashMap<>();
        for (Path p : manifests) {
            for (ShardEntry e : BackupFiles.read(p).files()) {
                out.put(e.shardId(), e.lastModified());
            }
        }
        return out;
    }

    private String elapsed(long startedNanos) {
        return GoDurations.format(Duration.ofNanos(ctx.nowNanos() - startedNanos));
    }

    private void removeWritten() {
        written.forEach(ShardFetcher::deleteQuietly);
    }
}
