package io.shardline.launcher.transfer;

import io.shardline.common.error.ShardlineException;
import io.shardline.common.time.Clock;
import io.shardline.config.ConfigLoader;
import io.shardline.config.data.DataNodeConfig;
import io.shardline.config.data.StorageConfig;
import io.shardline.storage.TimeRange;
import io.shardline.storage.rocks.ReadOnlyShards;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code shardline inspect export}: {@code influx_inspect export} for a Shardline data directory,
 * with its flags, defaults, messages and file format. Shards are opened read-only (RocksDB secondary
 * instances), so the data node may be stopped or running. Progress and the summary go to stderr.
 */
@Command(name = "export", description = "Export a data node's shards as line protocol (influx_inspect export).")
public final class ExportCommand implements Callable<Integer> {

    static final String DEFAULT_DATA_DIR = StorageConfig.DIR.defaultValue();

    @Option(names = {"-datadir", "--datadir"}, paramLabel = "DIR",
            description = "The data node's [data] dir (default: -config's, else ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = {"-waldir", "--waldir"}, paramLabel = "DIR",
            description = "The data node's [data] wal-dir (default: -config's, else the directory each shard recorded).")
    Path walDir;

    @Option(names = {"-config", "--config"}, paramLabel = "FILE",
            description = "Take [data] dir and wal-dir from this data node configuration.")
    Path config;

    @Option(names = {"-database", "--database"}, paramLabel = "DB", description = "Only this database.")
    String database;

    @Option(names = {"-retention", "--retention"}, paramLabel = "RP",
            description = "Only this retention policy (requires -database).")
    String retention;

    @Option(names = {"-shard", "--shard"}, paramLabel = "ID", description = "Only this shard (Shardline).")
    Long shard;

    @Option(names = {"-start", "--start"}, paramLabel = "RFC3339", description = "Only points at or after this time.")
    String start;

    @Option(names = {"-end", "--end"}, paramLabel = "RFC3339", description = "Only points at or before this time.")
    String end;

    @Option(names = {"-out", "--out"}, paramLabel = "FILE",
            description = "Destination file, - for stdout (default: ~/.influxdb/export).")
    String out;

    @Option(names = {"-compress", "--compress"}, arity = "0..1", description = "Compress the output with gzip.")
    boolean compress;

    @Option(names = {"-lponly", "--lponly"}, arity = "0..1",
            description = "Only line protocol: no header, DDL or context comments.")
    boolean lineProtocolOnly;

    @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    private final OutputStream stdout;
    private final PrintStream stderr;
    private final Clock clock;

    public ExportCommand() {
        this(System.out, System.err, Clock.system());
    }

    ExportCommand(OutputStream stdout, PrintStream stderr, Clock clock) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        try {
            ExportRequest request = request();
            Path data = dataDir();
            try (ReadOnlyShards shards = new ReadOnlyShards(data, walDir())) {
                return export(shards, request);
            }
        } catch (IllegalArgumentException | ShardlineException | IOException e) {
            stderr.println("export: " + e.getMessage());
            return 1;
        }
    }

    private ExportRequest request() {
        long min = start == null ? Long.MIN_VALUE : Rfc3339.parseNanos(start);
        long max = end == null ? Long.MAX_VALUE : Rfc3339.parseNanos(end);
        if (retention != null && database == null) {
            throw new IllegalArgumentException("must specify a db");
        }
        if (max < min) {
            throw new IllegalArgumentException("end time before start time");
        }
        return new ExportRequest(database, retention, shard, TimeRange.of(min, max), lineProtocolOnly);
    }

    private Integer export(ReadOnlyShards shards, ExportRequest request) throws IOException {
        boolean toStdout = "-".equals(out);
        Path file = toStdout ? null : outFile();
        OutputStream sink = toStdout ? stdout : new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        Exporter.Summary s;
        try {
            OutputStream target = compress ? new GZIPOutputStream(sink, 1 << 16) : sink;
            s = new Exporter(shards, clock, stderr).export(request, target);
            if (target instanceof GZIPOutputStream gz) {
                gz.finish();
            }
        } finally {
            if (toStdout) {
                sink.flush();
            } else {
                sink.close();
            }
        }
        stderr.printf("exported %s points from %d shards in %s (%s points/s), %s of line protocol%s%n",
                Rates.count(s.points()), s.shards(), Rates.seconds(s.nanos()),
                Rates.count(Rates.perSecond(s.points(), s.nanos())), Rates.bytes(s.bytes()),
                toStdout ? " to stdout" : " to " + file + (compress ? " (" + Rates.bytes(Files.size(file)) + " gzipped)" : ""));
        return 0;
    }

    private Path outFile() throws IOException {
        Path file = out != null ? Path.of(out) : Path.of(System.getProperty("user.home"), ".influxdb", "export");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return file;
    }

    private Path dataDir() {
        if (dataDir != null) {
            return dataDir;
        }
        return config != null ? storage().dir() : Path.of(DEFAULT_DATA_DIR);
    }

    private Path walDir() {
        if (walDir != null) {
            return walDir;
        }
        return config != null ? storage().walDir() : null;
    }

    private StorageConfig storage() {
        var loaded = ConfigLoader.load(DataNodeConfig.DEFINITION, config, System.getenv());
        return StorageConfig.from(loaded.config());
    }
}
