package io.shardline.launcher.drill;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of every request a drill writer sent, one line each:
 * {@code <writer> <base ns> <step ns> <first seq> <last seq> <ok|failed|unknown> <http status> <latency ms>
 * <sent at, epoch ms> <HLC version, 0 if not answered> <overwrite spec tag/slots/writerNo, or ->
 * <coordinator: host:port of the node that answered, or ->}.
 * {@code failed} means the request certainly had no effect (connection refused, 4xx/5xx answer);
 * {@code unknown} means it may or may not have been applied (timeout, connection lost mid-request).
 * Lines of the older 9-field form (no version, no overwrites) and 11-field form (no coordinator) are read too.
 */
final class DrillLog implements AutoCloseable {

    /** One request. */
    record Entry(String writer, long baseNanos, long stepNanos, long firstSeq, long lastSeq, String outcome,
                 int status, double latencyMillis, long sentAtMillis, long version, String overwriteSpec,
                 String coordinator) {
        DrillPoints points() {
            return DrillPoints.of(writer, baseNanos, stepNanos, overwriteSpec);
        }
    }

    private final BufferedWriter out;

    DrillLog(Path file) throws IOException {
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    synchronized void record(Entry e) {
        try {
            out.write(e.writer() + " " + e.baseNanos() + " " + e.stepNanos() + " " + e.firstSeq() + " " + e.lastSeq()
                    + " " + e.outcome() + " " + e.status() + " " + String.format("%.1f", e.latencyMillis()) + " "
                    + e.sentAtMillis() + " " + e.version() + " " + e.overwriteSpec() + " " + e.coordinator() + "\n");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    static List<Entry> read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.trim().split(" ");
            if (f.length == 9 || f.length == 11 || f.length == 12) {
                entries.add(new Entry(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                        Long.parseLong(f[4]), f[5], Integer.parseInt(f[6]), Double.parseDouble(f[7]), Long.parseLong(f[8]),
                        f.length >= 11 ? Long.parseLong(f[9]) : 0, f.length >= 11 ? f[10] : "-", f.length == 12 ? f[11] : "-"));
            }
        }
        return entries;
    }
}
