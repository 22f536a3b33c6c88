package io.shardline.launcher.transfer;

import io.shardline.common.time.Clock;
import io.shardline.common.unit.GoDurations;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code influx -import}'s two phases over one file. DDL: every line up to {@code # DML} that is not a
 * comment or blank runs as a query (errors are printed, not fatal). DML: {@code # CONTEXT-DATABASE:}
 * and {@code # CONTEXT-RETENTION-POLICY:} flush the batch and switch the target, other comments and
 * blank lines are skipped, data lines go out in batches of {@code batchSize}, paced to
 * {@code pointsPerSecond}. Unlike influx, failed lines are found and reported one by one with their
 * line numbers ({@link BatchResolver}), transient failures are retried ({@link #writeWithRetries}),
 * a line that is not InfluxQL in a file without {@code # DML} starts the DML phase (so
 * {@code -lponly} files import), and the last line counts without a newline. Confined to the
 * calling thread.
 */
final class Importer {

    /** Statements run, points written, points failed, time taken. */
    record Summary(long commands, long inserts, long failed, long nanos) {
    }

    /** Waits; injected so tests do not sleep. */
    interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    /** Database to start with (may be empty), pacing, batch size and retries of transient failures. */
    record Options(String database, long pointsPerSecond, int batchSize, int retries) {
    }

    static final int BATCH_SIZE = 5_000;
    static final long PROGRESS_EVERY = 100_000;
    static final long FIRST_RETRY_NANOS = 500_000_000L;
    private static final byte[] CONTEXT_DATABASE = ExportFormat.CONTEXT_DATABASE.getBytes(StandardCharsets.UTF_8);
    private static final byte[] CONTEXT_RETENTION_POLICY =
            ExportFormat.CONTEXT_RETENTION_POLICY.getBytes(StandardCharsets.UTF_8);
    private static final Set<String> STATEMENT_WORDS = Set.of("CREATE", "DROP", "ALTER", "DELETE", "GRANT", "REVOKE",
            "SET", "SHOW", "SELECT", "KILL", "EXPLAIN");

    private final ImportTarget target;
    private final Clock clock;
    private final Sleeper sleeper;
    private final PrintStream out;
    private final PrintStream err;
    private final Options options;
    private final List<ImportLine> batch = new ArrayList<>();
    private String db;
    private String rp = "";
    private long commands;
    private long inserts;
    private long failed;
    private long sent;
    private long started;
    private boolean failingFast;

    Importer(ImportTarget target, Clock clock, Sleeper sleeper, PrintStream out, PrintStream err, Options options) {
        this.target = target;
        this.clock = clock;
        this.sleeper = sleeper;
        this.out = out;
        this.err = err;
        this.options = options;
        this.db = options.database() == null ? "" : options.database();
    }

    Summary run(InputStream in) throws IOException, InterruptedException {
        started = clock.monotonicNanos();
        ImportFileReader reader = new ImportFileReader(in);
        ImportLine first = ddl(reader);
        if (first != null) {
            data(first);
        }
        for (ImportLine l; (l = reader.next(true)) != null; ) {
            dml(l);
        }
        flush();
        return new Summary(commands, inserts, failed, clock.monotonicNanos() - started);
    }

    /** Runs the DDL; returns the first line of data when the file has no {@code # DML} line, else null. */
    private ImportLine ddl(ImportFileReader reader) throws IOException {
        for (ImportLine l; (l = reader.next(false)) != null; ) {
            String t = l.text();
            if (t.startsWith("# DML")) {
                return null;
            }
            if (t.startsWith("#") || t.isBlank()) {
                continue;
            }
            if (!isStatement(t)) {
                err.printf("line %d is not InfluxQL and no # DML line came before it: importing the rest as line"
                        + " protocol%n", l.number());
                return reader.extendLast(l);
            }
            commands++;
            statement(t.strip());
        }
        return null;
    }

    /**
     * Runs one DDL statement. An export's {@code CREATE DATABASE <db> WITH NAME <rp>} whose retention
     * policy exists already is skipped: 1.x answers it with a conflict whenever that policy is not the
     * default one with default settings, which would only alarm the operator of a repair.
     */
    private void statement(String statement) {
        var ddl = ExportFormat.parseCreateDatabase(statement);
        if (ddl.isPresent() && target.retentionPolicies(ddl.get().database()).contains(ddl.get().retentionPolicy())) {
            return;
        }
        String error = target.query(statement, db);
        if (error == null) {
            return;
        }
        err.println("error: " + error);
        if (ddl.isPresent() && error.contains("retention policy conflicts")) {
            err.printf("(database %s exists without retention policy %s: create it first with CREATE RETENTION POLICY,"
                    + " giving the duration, replication and shard duration it should have)%n",
                    ddl.get().database(), ddl.get().retentionPolicy());
        }
    }

    static boolean isStatement(String line) {
        String s = line.strip();
        int end = 0;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
            end++;
        }
        return STATEMENT_WORDS.contains(s.substring(0, end).toUpperCase(Locale.ROOT));
    }

    private void dml(ImportLine l) throws InterruptedException {
        if (l.startsWith(CONTEXT_RETENTION_POLICY)) {
            String v = contextValue(l.text());
            if (!v.equals(rp)) {
                flush();
            }
            rp = v;
        } else if (l.startsWith(CONTEXT_DATABASE)) {
            String v = contextValue(l.text());
            if (!v.equals(db)) {
                flush();
            }
            db = v;
        } else if (l.isData()) {
            data(l);
        }
    }

    /** The text after the first {@code :}, trimmed (influx keeps only up to a second {@code :}). */
    private static String contextValue(String line) {
        return line.substring(line.indexOf(':') + 1).strip();
    }

    private void data(ImportLine l) throws InterruptedException {
        batch.add(l);
        if (batch.size() >= options.batchSize()) {
            flush();
        }
    }

    private void flush() throws InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        pace();
        String toDb = db;
        String toRp = rp;
        BatchResolver.Outcome o = BatchResolver.resolve(batch, lines -> writeWithRetries(toDb, toRp, body(lines)));
        long before = inserts + failed;
        inserts += o.written();
        failed += o.failed().size();
        sent += batch.size();
        report(o.failed());
        batch.clear();
        long processed = inserts + failed;
        if (processed / PROGRESS_EVERY > before / PROGRESS_EVERY) {
            long nanos = clock.monotonicNanos() - started;
            out.printf("Processed %d lines.  Time elapsed: %s.  Points per second (PPS): %d%n", processed,
                    GoDurations.format(Duration.ofNanos(nanos)), Rates.perSecond(processed, nanos));
        }
    }

    /**
     * Writes a body, sending it again after 0.5 s, 1 s, 2 s, ... while the failure is transient, up to
     * {@code retries} times. Once a body used up its retries, later bodies get one attempt each until
     * one succeeds, so an import against a node that stays down fails fast instead of waiting per batch.
     */
    private WriteResponse writeWithRetries(String toDb, String toRp, byte[] body) {
        WriteResponse r = target.write(toDb, toRp, body);
        for (int attempt = 0; isTransient(r) && !failingFast && attempt < options.retries(); attempt++) {
            try {
                sleeper.sleepNanos(FIRST_RETRY_NANOS << attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return r;
            }
            r = target.write(toDb, toRp, body);
        }
        failingFast = isTransient(r);
        return r;
    }

    /**
     * No answer, 503, or a 500 that a cluster gives while an owner is briefly unreachable or behind
     * ({@code timeout}, {@code partial write}, {@code write failed...}); a 500 such as
     * {@code retention policy not found} is permanent. 1.x's answers carry no code, only this text.
     */
    static boolean isTransient(WriteResponse r) {
        return r.status() == 0 || r.status() == 503 || (r.status() == 500 && (r.error().equals("timeout")
                || r.error().startsWith("partial write") || r.error().startsWith("write failed")));
    }

    /** With {@code -pps}, waits until the points sent so far are due at that rate. */
    private void pace() throws InterruptedException {
        long delay = delayNanos(options.pointsPerSecond(), started, sent, clock.monotonicNanos());
        if (delay > 0) {
            sleeper.sleepNanos(delay);
        }
    }

    static long delayNanos(long pointsPerSecond, long startNanos, long sentPoints, long nowNanos) {
        if (pointsPerSecond <= 0) {
            return 0;
        }
        long due = startNanos + (long) (sentPoints * 1e9 / pointsPerSecond);
        return Math.max(0, due - nowNanos);
    }

    /** The lines, each followed by {@code \n}: a {@code /write} body. */
    static byte[] body(List<ImportLine> lines) {
        int size = 0;
        for (ImportLine l : lines) {
            size += l.bytes().length + 1;
        }
        byte[] body = new byte[size];
        int at = 0;
        for (ImportLine l : lines) {
            System.arraycopy(l.bytes(), 0, body, at, l.bytes().length);
            at += l.bytes().length;
            body[at++] = '\n';
        }
        return body;
    }

    /** One line per failed line; runs of lines failing for the same reason (a whole batch) as one line. */
    private void report(List<BatchResolver.Failure> failures) {
        int i = 0;
        while (i < failures.size()) {
            int j = i;
            String reason = failures.get(i).reason();
            while (j + 1 < failures.size() && failures.get(j + 1).reason().equals(reason)
                    && !reason.startsWith(ParseErrors.UNABLE)) {
                j++;
            }
            if (i == j) {
                err.printf("line %d: %s%n", failures.get(i).line().number(), reason);
            } else {
                err.printf("lines %d-%d (%d points, db=%s rp=%s): %s%n", failures.get(i).line().number(),
                        failures.get(j).line().number(), j - i + 1, db, rp, reason);
            }
            i = j + 1;
        }
    }
}
