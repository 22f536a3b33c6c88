package io.shardline.launcher.drill;

import io.shardline.common.unit.GoDurations;
import io.shardline.launcher.ApiConnection;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code shardline drill write}: sends unique points (writer id, sequence number) at a set rate and
 * consistency level to the data nodes in turn, like a client that fails over: a request refused
 * before it was sent goes to the next node; one that may have been applied (timeout, connection
 * lost) is logged {@code unknown} and not resent. Every request's outcome, with the HLC version the
 * data node stamped on it, goes to the log the checker reads. With {@code --overwrite-slots} several
 * writers overwrite the same points (see {@link DrillPoints}).
 */
@Command(name = "write", description = "Write unique drill points at a rate and log every request's outcome.")
public final class DrillWriteCommand implements Callable<Integer> {

    /** The data node's answer header carrying the request's HLC version (see WriteHandler). */
    static final String VERSION_HEADER = "X-Shardline-Write-Version";

    @Option(names = "--url", required = true, split = ",", description = "Data node URLs, tried in turn.")
    List<String> urls;

    @Option(names = "--db", description = "Database (default: ${DEFAULT-VALUE}).")
    String db = "drill";

    @Option(names = "--writer", description = "Writer id, the tag value (default: ${DEFAULT-VALUE}).")
    String writer = "w1";

    @Option(names = "--rate", description = "Points per second (default: ${DEFAULT-VALUE}).")
    long rate = 10_000;

    @Option(names = "--duration", description = "How long to write, e.g. 60s (default: ${DEFAULT-VALUE}).")
    String duration = "60s";

    @Option(names = "--batch", description = "Points per request (default: ${DEFAULT-VALUE}).")
    int batch = 500;

    @Option(names = "--consistency", description = "any|one|quorum|all (default: ${DEFAULT-VALUE}).")
    String consistency = "one";

    @Option(names = "--step", description = "Nanoseconds between consecutive points' timestamps (default: ${DEFAULT-VALUE}).")
    long step = 1_000_000;

    @Option(names = "--base", description = "Timestamp of seq 0 in ns (default: now minus 1 hour).")
    Long base;

    @Option(names = "--connections", description = "Requests in flight at once (default: ${DEFAULT-VALUE}).")
    int connections = 2;

    @Option(names = "--timeout", description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
    String timeout = "20s";

    @picocli.CommandLine.Mixin
    ApiConnection connection = new ApiConnection();

    @Option(names = "--log", required = true, description = "File receiving one line per request.")
    Path log;

    @Option(names = "--overwrite-slots", description = "Overwrite mode: write sequence n to slot n %% SLOTS of the"
            + " series shared with other writers (field ov = writer number << 32 | n); 0 = unique points (default).")
    long overwriteSlots;

    @Option(names = "--series", description = "Overwrite mode: the shared writer tag value (default: ${DEFAULT-VALUE}).")
    String series = "shared";

    @Override
    public Integer call() throws Exception {
        long baseNanos = base != null ? base : (System.currentTimeMillis() - 3_600_000L) * 1_000_000L;
        DrillPoints points = overwriteSlots > 0
                ? new DrillPoints(writer, baseNanos, step, series, overwriteSlots, writerNumber(writer))
                : new DrillPoints(writer, baseNanos, step);
        Duration run = GoDurations.parse(duration);
        long batches = Math.max(1, run.toNanos() * rate / 1_000_000_000L / batch);
        HttpClient client = connection.client(Duration.ofSeconds(2));
        Duration requestTimeout = GoDurations.parse(timeout);
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        long[] counts = new long[3];
        List<Double> latencies = new ArrayList<>();
        try (DrillLog out = new DrillLog(log)) {
            ExecutorService pool = Executors.newFixedThreadPool(connections);
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                futures.add(pool.submit(() -> {
                    for (long b; (b = next.getAndIncrement()) < batches; ) {
                        pace(start, b);
                        DrillLog.Entry e = send(client, requestTimeout, points, b * batch, b * batch + batch - 1, (int) b);
                        out.record(e);
                        synchronized (counts) {
                            counts[e.outcome().equals("ok") ? 0 : e.outcome().equals("failed") ? 1 : 2]++;
                            latencies.add(e.latencyMillis());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
        }
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("writer %s: requests=%d ok=%d failed=%d unknown=%d acked_points=%d p50=%.1fms p99=%.1fms max=%.1fms%n",
                writer, batches, counts[0], counts[1], counts[2], counts[0] * batch, pct(sorted, 50), pct(sorted, 99),
                pct(sorted, 100));
        return 0;
    }

    private DrillLog.Entry send(HttpClient client, Duration requestTimeout, DrillPoints points, long first, long last,
                                int attemptSeed) {
        StringBuilder body = new StringBuilder((int) (last - first + 1) * 48);
        for (long s = first; s <= last; s++) {
            body.append(points.line(s));
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        long sentAt = System.currentTimeMillis();
        long t0 = System.nanoTime();
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(Math.floorMod(attemptSeed + i, urls.size()));
            URI uri = URI.create(url + "/write?db=" + URLEncoder.encode(db, StandardCharsets.UTF_8)
                    + "&consistency=" + consistency);
            try {
                HttpResponse<String> r = client.send(connection.authorize(HttpRequest.newBuilder(uri)).timeout(requestTimeout)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 503 && i < urls.size() - 1) {
                    continue; // shutting down or no metadata: nothing was written; try the next node
                }
                String outcome = r.statusCode() == 204 ? "ok" : "failed";
                long version = r.headers().firstValueAsLong(VERSION_HEADER).orElse(0);
                if (r.statusCode() != 204) {
                    System.err.printf("writer %s: points %d..%d: HTTP %d from %s: %s%n", points.writer(), first, last,
                            r.statusCode(), url, r.body().strip());
                }
                return entry(points, first, last, outcome, r.statusCode(), t0, sentAt, version, uri.getAuthority());
            } catch (ConnectException | HttpConnectTimeoutException e) {
                // Never reached the node: certainly not applied; try the next one.
            } catch (IOException e) {
                return entry(points, first, last, "unknown", 0, t0, sentAt, 0, uri.getAuthority());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return entry(points, first, last, "unknown", 0, t0, sentAt, 0, uri.getAuthority());
            }
        }
        return entry(points, first, last, "failed", 0, t0, sentAt, 0, "-");
    }

    private static DrillLog.Entry entry(DrillPoints p, long first, long last, String outcome, int status, long t0,
                                        long sentAt, long version, String coordinator) {
        return new DrillLog.Entry(p.writer(), p.baseNanos(), p.stepNanos(), first, last, outcome, status,
                (System.nanoTime() - t0) / 1e6, sentAt, version, p.overwriteSpec(), coordinator);
    }

    /** The number at the end of a writer id ({@code w3} is 3): the high half of its overwrite values. */
    static int writerNumber(String writer) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})$").matcher(writer);
        if (!m.find()) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new DrillWriteCommand()),
                    "--overwrite-slots needs a writer id ending in a number, like w3: " + writer);
        }
        return Integer.parseInt(m.group(1));
    }

    private void pace(long startNanos, long b) throws InterruptedException {
        long due = startNanos + (long) (b * (double) batch / rate * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    @Override
    public String toString() {
        return "drill write " + Arrays.asList(urls);
    }
}
