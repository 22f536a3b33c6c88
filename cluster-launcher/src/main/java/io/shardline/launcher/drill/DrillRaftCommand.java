package io.shardline.launcher.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardline.launcher.ApiConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code shardline drill raft}: reads {@code /raft} from every meta node given and checks Raft's
 * safety across them ({@link RaftSafety}): one leader per term and one log. Prints one summary line
 * ({@code raft: safe=true ...}) and each violation; exit code 0 only when safe. On a secured cluster the
 * URLs are {@code https://} and the admin user's credentials are sent ({@link ApiConnection}).
 */
@Command(name = "raft", description = "Check that the meta nodes' Raft histories show one leader per term and one log.")
public final class DrillRaftCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--status-url", required = true, split = ",", description = "Every meta node's status URL.")
    List<String> urls;

    @Mixin
    ApiConnection connection = new ApiConnection();

    @Override
    public Integer call() throws Exception {
        HttpClient client = connection.client();
        List<RaftSafety.Node> nodes = new ArrayList<>();
        for (String url : urls) {
            HttpResponse<String> r = client.send(connection.authorize(HttpRequest.newBuilder(URI.create(url + "/raft")))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                System.err.println("drill raft: " + url + "/raft answered " + r.statusCode());
                return 2;
            }
            nodes.add(parse(JSON.readTree(r.body())));
        }
        RaftSafety.Report report = RaftSafety.check(nodes);
        StringBuilder roles = new StringBuilder();
        for (RaftSafety.Node n : nodes) {
            roles.append(roles.length() == 0 ? "" : ",").append(n.self()).append('=').append(n.role())
                    .append('@').append(n.term()).append('/').append(n.appliedIndex());
        }
        System.out.printf("raft: safe=%s terms_with_leader=%d max_term=%d applied=%d..%d nodes=%s%n", report.safe(),
                report.terms(), report.maxTerm(), report.minApplied(), report.maxApplied(), roles);
        report.violations().forEach(v -> System.out.println("  violation: " + v));
        return report.safe() ? 0 : 1;
    }

    static RaftSafety.Node parse(JsonNode j) {
        List<RaftSafety.Run> runs = new ArrayList<>();
        for (JsonNode r : j.path("runs")) {
            runs.add(new RaftSafety.Run(r.get(0).asLong(), r.get(1).asLong(), r.get(2).asLong(), r.get(3).asText()));
        }
        Map<Long, String> leaders = new TreeMap<>();
        for (JsonNode l : j.path("leaders")) {
            leaders.put(l.get(0).asLong(), l.get(1).asText());
        }
        List<Long> led = new ArrayList<>();
        j.path("ledTerms").forEach(t -> led.add(t.asLong()));
        return new RaftSafety.Node(j.path("self").asText(), j.path("role").asText(), j.path("term").asLong(),
                j.path("appliedIndex").asLong(), j.path("start").asLong(), runs, leaders, led);
    }
}
