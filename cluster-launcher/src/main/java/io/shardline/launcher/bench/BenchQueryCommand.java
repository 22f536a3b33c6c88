package io.shardline.launcher.bench;

import io.shardline.launcher.ApiConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code shardline bench query}: runs a named mix of InfluxQL queries over the {@code bench write} data set (or
 * any queries given with {@code -q}) against any InfluxDB-1.x-compatible {@code /query} URL, and prints latency
 * percentiles and queries/s per query. Every answer must be 200 without a statement error.
 */
@Command(name = "query", description = "Run a query mix against an InfluxDB 1.x compatible URL and report latency and queries/s.")
public final class BenchQueryCommand implements Callable<Integer> {

    /** The named mix; {@code {range}} and {@code {host}} are replaced by the options. */
    static final Map<String, String> MIX = mix();

    private static Map<String, String> mix() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("count", "SELECT count(usage_idle) FROM cpu");
        m.put("mean-1h", "SELECT mean(usage_idle) FROM cpu WHERE time >= now() - {range} GROUP BY time(1h)");
        m.put("max-host-1m", "SELECT max(usage_user) FROM cpu WHERE host = '{host}' AND time >= now() - {range}"
                + " GROUP BY time(1m)");
        m.put("last-by-host", "SELECT last(usage_user) FROM cpu GROUP BY host");
        m.put("raw-host-limit", "SELECT * FROM cpu WHERE host = '{host}' ORDER BY time DESC LIMIT 100");
        m.put("tag-values", "SHOW TAG VALUES FROM cpu WITH KEY = region");
        // the functions benchmark (scripts/bench/functions.sh)
        m.put("nnd-mean-1m", "SELECT non_negative_derivative(mean(usage_user), 1s) FROM cpu WHERE time >= now() - {range}"
                + " GROUP BY time(1m)");
        m.put("top-10", "SELECT top(usage_user, 10) FROM cpu WHERE time >= now() - {range}");
        m.put("p95-1h", "SELECT percentile(usage_idle, 95) FROM cpu WHERE time >= now() - {range} GROUP BY time(1h)");
        m.put("subquery-2", "SELECT max(peak) FROM (SELECT max(m) AS peak FROM (SELECT mean(usage_user) AS m FROM cpu"
                + " WHERE time >= now() - {range} GROUP BY time(1m), host) WHERE time >= now() - {range}"
                + " GROUP BY time(10m), host) WHERE time >= now() - {range} GROUP BY time(1h)");
        return m;
    }

    @Option(names = {"-url", "--url"}, description = "Base URL of the HTTP API (default: ${DEFAULT-VALUE}).")
    String url = "http://127.0.0.1:8086";

    @Option(names = {"-db", "--db"}, description = "Database (default: ${DEFAULT-VALUE}).")
    String db = "bench";

    @Option(names = {"-queries", "--queries"}, split = ",", description = "Names from the mix to run, comma-separated "
            + "(default: count,mean-1h,max-host-1m; 'all' for every one): count, mean-1h, max-host-1m, last-by-host, "
            + "raw-host-limit, tag-values, nnd-mean-1m, top-10, p95-1h, subquery-2.")
    List<String> queries = List.of("count", "mean-1h", "max-host-1m");

    @Option(names = {"-q", "--q"}, description = "A query of your own (repeatable); replaces -queries.")
    List<String> custom = new ArrayList<>();

    @Option(names = {"-n", "--n"}, description = "Measured runs per query (default: ${DEFAULT-VALUE}).")
    int runs = 20;

    @Option(names = {"-warmup", "--warmup"}, description = "Unmeasured runs per query first (default: ${DEFAULT-VALUE}).")
    int warmup = 3;

    @Option(names = {"-concurrency", "--concurrency"}, description = "Queries in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency = 1;

    @Option(names = {"-range", "--range"}, description = "The {range} of the mix, an InfluxQL duration (default: ${DEFAULT-VALUE}).")
    String range = "24h";

    @Option(names = {"-host", "--host"}, description = "The {host} of the mix (default: ${DEFAULT-VALUE}).")
    String host = "server-00042";

    @Option(names = {"-node", "--node"}, description = "Add node=<id> (Shardline: read only that data node's shards).")
    String node;

    @picocli.CommandLine.Mixin
    ApiConnection connection = new ApiConnection();

    @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || warmup < 0 || concurrency < 1) {
            System.err.println("Error: -n and -concurrency must be positive, -warmup not negative");
            return 2;
        }
        Map<String, String> selected = selected();
        if (selected == null) {
            return 2;
        }
        HttpClient client = connection.client();
        System.out.printf("%s db=%s runs=%d warmup=%d concurrency=%d%n", url, db, runs, warmup, concurrency);
        System.out.printf("%-16s %8s %8s %8s %8s %8s %10s  %s%n", "query", "p50 ms", "p90 ms", "p99 ms", "max ms",
                "mean ms", "queries/s", "answer");
        int failed = 0;
        for (Map.Entry<String, String> q : selected.entrySet()) {
            failed += run(client, q.getKey(), q.getValue());
        }
        return failed == 0 ? 0 : 1;
    }

    private Map<String, String> selected() {
        Map<String, String> out = new LinkedHashMap<>();
        if (!custom.isEmpty()) {
            for (int i = 0; i < custom.size(); i++) {
                out.put("q" + (i + 1), custom.get(i));
            }
            return out;
        }
        List<String> names = queries.size() == 1 && queries.get(0).equals("all") ? List.copyOf(MIX.keySet()) : queries;
        for (String name : names) {
            String text = MIX.get(name);
            if (text == null) {
                System.err.println("Error: unknown query " + name + "; known: " + String.join(", ", MIX.keySet()));
                return null;
            }
            out.put(name, text.replace("{range}", range).replace("{host}", host));
        }
        return out;
    }

    private int run(HttpClient client, String name, String text) throws Exception {
        URI uri = URI.create(url + "/query?db=" + URLEncoder.encode(db, StandardCharsets.UTF_8) + "&q="
                + URLEncoder.encode(text, StandardCharsets.UTF_8) + (node == null ? "" : "&node=" + node));
        String[] first = new String[1];
        AtomicInteger failures = new AtomicInteger();
        for (int i = 0; i < warmup; i++) {
            send(client, uri, failures, first);
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<Latencies>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            futures.add(pool.submit(() -> {
                Latencies mine = new Latencies();
                while (next.getAndIncrement() < runs) {
                    long t0 = System.nanoTime();
                    send(client, uri, failures, first);
                    mine.add(System.nanoTime() - t0);
                }
                return mine;
            }));
        }
        Latencies all = new Latencies();
        for (Future<Latencies> f : futures) {
            all.addAll(f.get());
        }
        double secs = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        String answer = first[0] == null ? "" : first[0].length() > 60 ? first[0].substring(0, 57) + "..." : first[0];
        System.out.printf("%-16s %8.1f %8.1f %8.1f %8.1f %8.1f %10.1f  %s%n", name, all.percentileMillis(50),
                all.percentileMillis(90), all.percentileMillis(99), all.percentileMillis(100), all.meanMillis(),
                runs / secs, failures.get() == 0 ? answer : failures.get() + " failed: " + answer);
        return failures.get();
    }

    private void send(HttpClient client, URI uri, AtomicInteger failures, String[] first) throws Exception {
        HttpResponse<String> r = client.send(connection.authorize(HttpRequest.newBuilder(uri)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String body = r.body().trim();
        boolean ok = r.statusCode() == 200 && !body.contains("\"error\"");
        if (!ok) {
            failures.incrementAndGet();
        }
        synchronized (first) {
            if (first[0] == null || !ok) {
                first[0] = ok ? body : r.statusCode() + " " + body;
            }
        }
    }
}
