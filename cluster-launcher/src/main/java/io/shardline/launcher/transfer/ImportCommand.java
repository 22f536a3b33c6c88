package io.shardline.launcher.transfer;

import io.shardline.common.time.Clock;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code shardline import}: {@code influx -import} with its flags, defaults and messages, for any
 * InfluxDB 1.x compatible URL. Beyond influx, failed lines are reported one by one with their line
 * numbers and reasons and never stop the import. As influx, progress and the summary go to stdout,
 * errors to stderr; exit code 1 when any point was not inserted.
 */
@Command(name = "import", description = "Import a file of InfluxQL DDL and line protocol (influx -import).")
public final class ImportCommand implements Callable<Integer> {

    @Option(names = {"-import", "--import"}, arity = "0..1", hidden = true,
            description = "Accepted for influx command lines; importing is what this command does.")
    boolean importFlag;

    @Option(names = {"-path", "--path"}, paramLabel = "FILE", description = "The file to import, - for stdin.")
    String path;

    @Option(names = {"-compressed", "--compressed"}, arity = "0..1", description = "The file is gzipped.")
    boolean compressed;

    @Option(names = {"-precision", "--precision"}, description = "Precision of the timestamps (default: ${DEFAULT-VALUE}).")
    String precision = "ns";

    @Option(names = {"-pps", "--pps"}, description = "Points per second to import at most; 0 = unlimited (default: ${DEFAULT-VALUE}).")
    long pps;

    @Option(names = {"-host", "--host"}, description = "Host to connect to (default: ${DEFAULT-VALUE}).")
    String host = "localhost";

    @Option(names = {"-port", "--port"}, description = "Port to connect to (default: ${DEFAULT-VALUE}).")
    int port = 8086;

    @Option(names = {"-url", "--url"}, description = "Base URL of the HTTP API; overrides -host, -port and -ssl (Shardline).")
    String url;

    @Option(names = {"-ssl", "--ssl"}, arity = "0..1", description = "Use https.")
    boolean ssl;

    @Option(names = {"-unsafeSsl", "--unsafeSsl"}, arity = "0..1", description = "With -ssl: do not verify the server's"
            + " certificate. Otherwise it is verified against $SSL_CERT_FILE if set, else the JDK's trust store.")
    boolean unsafeSsl;

    @Option(names = {"-username", "--username"}, description = "User name (default: $INFLUX_USERNAME).")
    String username = System.getenv("INFLUX_USERNAME");

    @Option(names = {"-password", "--password"}, description = "Password (default: $INFLUX_PASSWORD).")
    String password = System.getenv("INFLUX_PASSWORD");

    @Option(names = {"-database", "--database"}, description = "Database to use until the file names one.")
    String database = "";

    @Option(names = {"-consistency", "--consistency"},
            description = "Write consistency any|one|quorum|all (default: ${DEFAULT-VALUE}).")
    String consistency = "all";

    @Option(names = {"-retries", "--retries"}, description = "Times to resend a batch that failed for a transient"
            + " reason (no answer, 503, 500 timeout or partial write), after 0.5 s, 1 s, 2 s, ... (Shardline;"
            + " default: ${DEFAULT-VALUE}).")
    int retries = 4;

    @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    private final InputStream stdin;
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final Clock clock;

    public ImportCommand() {
        this(System.in, System.out, System.err, Clock.system());
    }

    ImportCommand(InputStream stdin, PrintStream stdout, PrintStream stderr, Clock clock) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.clock = clock;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (path == null || path.isEmpty()) {
            stderr.println("ERROR: file argument required");
            return 1;
        }
        ImportTarget target = new HttpImportTarget(baseUrl(), precision, consistency, username, password, unsafeSsl);
        return run(target);
    }

    int run(ImportTarget target) throws InterruptedException {
        if (!target.ping()) {
            stderr.println("ERROR: failed to connect to " + target.address());
            return 1;
        }
        Importer.Summary s;
        try (InputStream in = open()) {
            s = new Importer(target, clock, nanos -> TimeUnit.NANOSECONDS.sleep(nanos), stdout, stderr,
                    new Importer.Options(database, pps, batchSize(), Math.max(0, retries))).run(in);
        } catch (NoSuchFileException e) {
            stderr.println("ERROR: open " + path + ": no such file or directory");
            return 1;
        } catch (IOException e) {
            stderr.println("ERROR: reading " + path + ": " + e.getMessage());
            return 1;
        }
        stdout.println("Processed " + s.commands() + " commands");
        stdout.println("Processed " + s.inserts() + " inserts");
        stdout.println("Failed " + s.failed() + " inserts");
        stdout.printf("Imported %s points in %s (%s points/s)%n", Rates.count(s.inserts()), Rates.seconds(s.nanos()),
                Rates.count(Rates.perSecond(s.inserts(), s.nanos())));
        if (s.failed() > 0) {
            stderr.println("ERROR: " + s.failed() + " points were not inserted");
            return 1;
        }
        return 0;
    }

    /** 5,000 lines like influx; with {@code -pps} below that, one second's worth so pacing stays smooth. */
    private int batchSize() {
        return pps > 0 && pps < Importer.BATCH_SIZE ? (int) pps : Importer.BATCH_SIZE;
    }

    private InputStream open() throws IOException {
        InputStream raw = "-".equals(path) ? stdin : Files.newInputStream(Path.of(path));
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        return compressed ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    private String baseUrl() {
        if (url != null && !url.isEmpty()) {
            return url;
        }
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return (ssl ? "https://" : "http://") + h + ":" + port;
    }
}
