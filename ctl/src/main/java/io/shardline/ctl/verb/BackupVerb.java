package io.shardline.ctl.verb;

import io.shardline.ctl.AddressConverter;
import io.shardline.ctl.ByteSizeConverter;
import io.shardline.ctl.CtlContext;
import io.shardline.ctl.Verb;
import io.shardline.ctl.backup.Backup;
import io.shardline.ctl.backup.BackupSelection;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.Deflater;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code backup [flags] <backup-dir>}: the metastore and shard data in InfluxDB's portable layout, with
 * Enterprise's flags and output (see {@link Backup}). Shardline's archives hold its own shard files,
 * whose blocks are compressed already, so {@code -gzipCompressionLevel} defaults to {@code none}.
 */
@Command(name = "backup", description = {"Backs up the metastore and shard data to a directory.",
        "Incremental by default: a full backup when the directory has none, else the shards changed since."})
public final class BackupVerb extends Verb {

    @Parameters(index = "0", paramLabel = "backup-dir", description = "Directory to write the backup to.")
    String dir;

    @Option(names = {"-strategy", "--strategy"}, defaultValue = "incremental",
            description = "only-meta, full or incremental (default).")
    String strategy;

    @Option(names = {"-full", "--full"}, description = "Deprecated: -strategy full.")
    boolean full;

    @Option(names = {"-db", "--db"}, defaultValue = "", description = "The database to back up.")
    String database;

    @Option(names = {"-rp", "--rp"}, defaultValue = "", description = "The retention policy to back up (needs -db).")
    String retentionPolicy;

    @Option(names = {"-shard", "--shard"}, defaultValue = "0", description = "The shard to back up.")
    long shardId;

    @Option(names = {"-start", "--start"}, defaultValue = "", description = "RFC3339: only shards ending after it.")
    String start;

    @Option(names = {"-end", "--end"}, defaultValue = "", description = "RFC3339: only shards starting before it.")
    String end;

    @Option(names = {"-from", "--from"}, converter = AddressConverter.class,
            description = "TCP address of the data node to prefer as the source of each shard.")
    String from;

    @Option(names = {"-estimate", "--estimate"}, description = "Print the shards and bytes it would copy; copy nothing.")
    boolean estimate;

    @Option(names = {"-format", "--format"}, defaultValue = "",
            description = "tsm: shard archives of TSM files, which influxd restore -portable loads.")
    String format;

    @Option(names = {"-gzipCompressionLevel", "--gzipCompressionLevel"}, defaultValue = "none",
            description = "default, full, speedy or none (Shardline's default: its shard files are compressed).")
    String gzipLevel;

    @Option(names = {"-rate-limit", "--rate-limit"}, paramLabel = "bytes/s", converter = ByteSizeConverter.class,
            defaultValue = "0", description = "Shardline only: most bytes per second to read from a node; 0 for no limit.")
    long rateLimit;

    private BackupSelection.Filter filter;

    @Override
    protected void validate() {
        if (full) {
            strategy = "full";
        }
        if (!strategy.equals("only-meta") && !strategy.equals("full") && !strategy.equals("incremental")) {
            throw usage("invalid -strategy " + strategy + ": use only-meta, full or incremental");
        }
        if (!retentionPolicy.isEmpty() && database.isEmpty()) {
            throw usage("-rp requires -db");
        }
        if (shardId < 0) {
            throw usage("invalid -shard " + shardId);
        }
        if ((!start.isEmpty() || !end.isEmpty()) && strategy.equals("only-meta")) {
            throw usage("-start and -end cannot be used with -strategy only-meta");
        }
        OptionalLong s = time("-start", start);
        OptionalLong e = time("-end", end);
        if (s.isPresent() && e.isPresent() && s.getAsLong() >= e.getAsLong()) {
            throw usage("-start must be before -end");
        }
        level(gzipLevel);
        filter = new BackupSelection.Filter(database, retentionPolicy, shardId, s, e);
    }

    private OptionalLong time(String flag, String text) {
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            java.time.Instant i = OffsetDateTime.parse(text).toInstant();
            return OptionalLong.of(i.getEpochSecond() * 1_000_000_000L + i.getNano());
        } catch (DateTimeParseException ex) {
            throw usage("invalid " + flag + " " + text + ": want an RFC3339 time such as 2023-01-01T00:00:00Z");
        }
    }

    private int level(String name) {
        return switch (name) {
            case "none" -> Deflater.NO_COMPRESSION;
            case "speedy" -> Deflater.BEST_SPEED;
            case "default" -> Deflater.DEFAULT_COMPRESSION;
            case "full" -> Deflater.BEST_COMPRESSION;
            default -> throw usage("invalid -gzipCompressionLevel " + name + ": use default, full, speedy or none");
        };
    }

    @Override
    protected int run(CtlContext ctx) {
        if (!format.isEmpty() && !format.equals("tsm")) {
            throw usage("invalid -format " + format + ": use tsm, or leave it out for Shardline's own shard files");
        }
        Backup.Options options = new Backup.Options(strategy, filter, Optional.ofNullable(from), estimate,
                level(gzipLevel), rateLimit, format);
        return new Backup(ctx, options, dir).run();
    }
}
