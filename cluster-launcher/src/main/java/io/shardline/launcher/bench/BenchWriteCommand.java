package io.shardline.launcher.bench;

import io.shardline.launcher.ApiConnection;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code shardline bench write}: writes the pre-generated {@code cpu} data set to any
 * InfluxDB-1.x-compatible {@code /write} URL over several connections and prints points/s,
 * values/s and request latency percentiles.
 */
@Command(name = "write", description = "Write the cpu data set to an InfluxDB 1.x compatible URL and report throughput.")
public final class BenchWriteCommand implements Callable<Integer> {

    @Option(names = {"-url", "--url"}, description = "Base URL of the HTTP API (default: ${DEFAULT-VALUE}).")
    String url = "http://127.0.0.1:8086";

    @Option(names = {"-db", "--db"}, description = "Database (default: ${DEFAULT-VALUE}); created first unless -no-create.")
    String db = "bench";

    @Option(names = {"-no-create", "--no-create"}, description = "Do not send CREATE DATABASE first.")
    boolean noCreate;

    @Option(names = {"-series", "--series"}, description = "Number of series (default: ${DEFAULT-VALUE}).")
    int series = 1_000;

    @Option(names = {"-fields", "--fields"}, description = "Fields per point: floats plus one integer (default: ${DEFAULT-VALUE}).")
    int fields = 5;

    @Option(names = {"-points", "--points"}, description = "Points to write (default: ${DEFAULT-VALUE}).")
    long points = 1_000_000;

    @Option(names = {"-batch-size", "--batch-size"}, description = "Lines per request (default: ${DEFAULT-VALUE}).")
    int batchSize = 5_000;

    @Option(names = {"-connections", "--connections"}, description = "Concurrent connections (default: ${DEFAULT-VALUE}).")
    int connections = 4;

    @Option(names = {"-consistency", "--consistency"}, description = "Write consistency any|one|quorum|all (default: ${DEFAULT-VALUE}).")
    String consistency = "one";

    @Option(names = {"-rate", "--rate"}, description = "Points per second over all connections; 0 = as fast as possible (default: ${DEFAULT-VALUE}).")
    long rate;

    @Option(names = {"-seed", "--seed"}, description = "Seed of the generated values (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @picocli.CommandLine.Mixin
    ApiConnection connection = new ApiConnection();

    @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Override
    public Integer call() throws Exception {
        if (series < 1 || fields < 1 || points < 1 || batchSize < 1 || connections < 1) {
            System.err.println("Error: -series, -fields, -points, -batch-size and -connections must be positive");
            return 2;
        }
        HttpClient client = connection.client();
        if (!noCreate) {
            BenchHttp.query(client, connection, url, "CREATE DATABASE \"" + db + "\"");
        }
        System.out.printf("generating %,d points (%d series, %d fields, %,d-line batches)...%n", points, series, fields,
                batchSize);
        long end = (System.currentTimeMillis() / 10_000) * 10_000_000_000L;
        List<byte[]> batches = CpuDataSet.generate(series, fields, points, batchSize, end, seed);
        URI target = URI.create(url + "/write?db=" + URLEncoder.encode(db, StandardCharsets.UTF_8)
                + "&consistency=" + consistency);
        Result r = run(client, target, batches);
        double secs = r.elapsedNanos / 1e9;
        System.out.printf("wrote %,d points (%,d values) in %.2f s: %,.0f points/s, %,.0f values/s%n", r.points.get(),
                r.points.get() * fields, secs, r.points.get() / secs, r.points.get() * fields / secs);
        System.out.printf("requests: %d ok, %d failed; latency %s%n", r.latencies.count() - r.failures.get(),
                r.failures.get(), r.latencies.summary());
        if (r.firstError != null) {
            System.out.println("first error: " + r.firstError);
        }
        return r.failures.get() == 0 ? 0 : 1;
    }

    private Result run(HttpClient client, URI target, List<byte[]> batches) throws Exception {
        Result r = new Result();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<Latencies>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            futures.add(pool.submit(() -> {
                Latencies mine = new Latencies();
                for (int i; (i = next.getAndIncrement()) < batches.size(); ) {
                    pace(start, i);
                    long t0 = System.nanoTime();
                    HttpResponse<String> resp;
                    try {
                        resp = client.send(connection.authorize(HttpRequest.newBuilder(target))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(batches.get(i))).build(),
                                HttpResponse.BodyHandlers.ofString());
                    } catch (IOException e) {
                        // e.g. the server closed the connection unanswered: a failed request (never retried,
                        // the server may have stored it), and the run goes on so its figures are kept
                        mine.add(System.nanoTime() - t0);
                        r.failures.incrementAndGet();
                        r.recordError("batch " + i + ": " + e);
                        continue;
                    }
                    mine.add(System.nanoTime() - t0);
                    if (resp.statusCode() == 204) {
                        r.points.addAndGet(lines(batches.get(i)));
                    } else {
                        r.failures.incrementAndGet();
                        r.recordError(resp.statusCode() + " " + resp.body().trim());
                    }
                }
                return mine;
            }));
        }
        for (Future<Latencies> f : futures) {
            r.latencies.addAll(f.get());
        }
        r.elapsedNanos = System.nanoTime() - start;
        pool.shutdown();
        return r;
    }

    /** With {@code -rate}, waits until batch {@code i} is due so the total stays at the rate. */
    private void pace(long startNanos, int i) throws InterruptedException {
        if (rate <= 0) {
            return;
        }
        long due = startNanos + (long) (i * (double) batchSize / rate * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private static long lines(byte[] body) {
        long n = 0;
        for (byte b : body) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }

    /** Totals of one run. */
    private static final class Result {
        final AtomicLong points = new AtomicLong();
        final AtomicInteger failures = new AtomicInteger();
        final Latencies latencies = new Latencies();
        long elapsedNanos;
        volatile String firstError;

        void recordError(String e) {
            if (firstError == null) {
                firstError = e;
            }
        }
    }
}
