package io.shardline.datanode.http;

import io.shardline.common.error.ShardlineException;
import io.shardline.common.http.GoHeaders;
import io.shardline.common.http.GoQuery;
import io.shardline.common.http.HttpHandler;
import io.shardline.common.http.HttpRequestView;
import io.shardline.common.http.HttpResult;
import io.shardline.common.time.Clock;
import io.shardline.datanode.query.QueryContext;
import io.shardline.datanode.query.QueryInterrupts;
import io.shardline.datanode.query.QueryManager;
import io.shardline.datanode.query.QueryTask;
import io.shardline.datanode.query.StatementExecutor;
import io.shardline.query.ast.Query;
import io.shardline.query.ast.Statement;
import io.shardline.query.auth.QueryAuthorizer;
import io.shardline.query.parse.ParseException;
import io.shardline.query.result.Chunker;
import io.shardline.query.result.CsvFormatter;
import io.shardline.query.result.EpochFormat;
import io.shardline.query.result.JsonFormatter;
import io.shardline.query.result.Message;
import io.shardline.query.result.ResponseBuilder;
import io.shardline.query.result.Result;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * {@code GET|POST /query} as InfluxDB 1.8 serves it: {@code q} from the URL or a form body,
 * {@code db}, {@code rp}, {@code epoch}, {@code pretty}, {@code chunked}/{@code chunk_size}, and
 * Shardline's {@code node} (read one data node's local shards only). 400 for a missing {@code q} or a
 * parse error; otherwise 200 with one result per statement, {@code not executed} after the first
 * failing one, and the read-only warning for changes sent with GET. JSON, or CSV when the client
 * accepts {@code application/csv}. Thread-safe.
 */
public final class QueryHandler implements HttpHandler {

    private final StatementExecutor executor;
    private final Clock clock;
    private final int maxRowLimit;
    private final QueryManager queries;
    private final IntSupplier userCount;
    private final ParsedQueries parsedQueries = new ParsedQueries();

    public QueryHandler(StatementExecutor executor, Clock clock, int maxRowLimit, QueryManager queries) {
        this(executor, clock, maxRowLimit, queries, null);
    }

    /**
     * @param queries registers every request as one running query (its id for SHOW QUERIES and
     *     KILL QUERY, max-concurrent-queries, query-timeout)
     * @param userCount with {@code [http] auth-enabled}, how many users the cluster has (every query is
     *     then authorized as 1.x's {@code QueryAuthorizer} does); null when authentication is off
     */
    public QueryHandler(StatementExecutor executor, Clock clock, int maxRowLimit, QueryManager queries,
                        IntSupplier userCount) {
        this.executor = executor;
        this.clock = clock;
        this.maxRowLimit = maxRowLimit;
        this.queries = queries;
        this.userCount = userCount;
    }

    @Override
    public HttpResult handle(HttpRequestView request) {
        Map<String, String> params = params(request);
        boolean pretty = "true".equals(params.get("pretty"));
        String q = params.get("q");
        if (q == null || q.isBlank()) {
            return error(400, "missing required parameter \"q\"", pretty);
        }
        ParsedQueries.Parsed parsed;
        try {
            parsed = parsedQueries.parse(q);
        } catch (ParseException e) {
            return error(400, "error parsing query: " + e.getMessage(), pretty);
        }
        Query query = parsed.query();
        long onlyNode;
        try {
            onlyNode = params.containsKey("node") ? Long.parseLong(params.get("node")) : 0;
        } catch (NumberFormatException e) {
            return error(400, "invalid node id \"" + params.get("node") + "\"", pretty);
        }
        if (userCount != null) {
            Optional<String> refusal = QueryAuthorizer.refusal(request.principal(), userCount.getAsInt(), query,
                    params.getOrDefault("db", ""));
            if (refusal.isPresent()) {
                return error(403, "error authorizing query: " + refusal.get(), pretty);
            }
        }
        QueryContext context = new QueryContext(params.get("db"), params.get("rp"), clock.wallNanos(), onlyNode,
                userCount == null ? null : request.principal().filter(u -> !u.admin()).orElse(null));
        QueryTask task;
        try {
            task = queries.attach(parsed.text(), context.database());
        } catch (ShardlineException e) {
            return respond(request, params, List.of(Result.error(0, e.getMessage())), pretty);
        }
        List<Result> results;
        try {
            results = task.run(() -> run(query, context, "GET".equals(request.method())));
        } finally {
            task.detach();
        }
        return respond(request, params, results, pretty);
    }

    private List<Result> run(Query query, QueryContext context, boolean readOnlyRequest) {
        List<Result> results = new ArrayList<>();
        boolean failed = false;
        for (int i = 0; i < query.statements().size(); i++) {
            Statement s = query.statements().get(i);
            if (failed) {
                results.add(Result.notExecuted(i));
                continue;
            }
            try {
                QueryInterrupts.check(); // killed or timed out between statements
                Result r = Result.of(i, executor.execute(s, context));
                results.add(readOnlyRequest && !s.isReadOnly() ? r.withMessage(Message.readOnlyWarning(s.toString())) : r);
            } catch (ShardlineException e) {
                results.add(Result.error(i, e.getMessage()));
                failed = true;
            }
        }
        return results;
    }

    private HttpResult respond(HttpRequestView request, Map<String, String> params, List<Result> results,
                               boolean pretty) {
        EpochFormat epoch = EpochFormat.fromParam(params.get("epoch"));
        String accept = request.header("Accept");
        if (accept != null && (accept.contains("application/csv") || accept.contains("text/csv"))) {
            return new HttpResult(200, "text/csv", new CsvFormatter().write(results, epoch)
                    .getBytes(StandardCharsets.UTF_8), Map.of());
        }
        if ("true".equals(params.get("chunked"))) {
            int size = chunkSize(params.get("chunk_size"));
            StringBuilder body = new StringBuilder();
            for (Result r : results) {
                for (Result chunk : Chunker.chunk(r, size)) {
                    body.append(JsonFormatter.chunk(chunk, epoch, pretty));
                }
            }
            return HttpResult.json(200, body.toString());
        }
        // 1.x's emitter cuts every series into pieces of 10,000 rows even when the answer is not chunked
        return HttpResult.json(200, JsonFormatter.responseBytes(ResponseBuilder.nonChunked(results, maxRowLimit),
                epoch, pretty));
    }

    private static int chunkSize(String param) {
        try {
            int n = param == null ? 0 : Integer.parseInt(param);
            return n > 0 ? n : Chunker.DEFAULT_CHUNK_SIZE;
        } catch (NumberFormatException e) {
            return Chunker.DEFAULT_CHUNK_SIZE;
        }
    }

    private static HttpResult error(int status, String message, boolean pretty) {
        return HttpResult.json(status, JsonFormatter.error(message, pretty))
                .withHeader("X-InfluxDB-Error", GoHeaders.truncateUtf8(message, 1024));
    }

    /** URL parameters, overridden by a form-encoded POST body (what the influx CLI and clients send). */
    static Map<String, String> params(HttpRequestView request) {
        Map<String, String> params = new HashMap<>();
        request.params().forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
        String type = request.header("Content-Type");
        if ("POST".equals(request.method()) && type != null && type.startsWith("application/x-www-form-urlencoded")) {
            GoQuery.parse(new String(request.body(), StandardCharsets.UTF_8))
                    .forEach((k, v) -> params.put(k, v.get(0)));
        }
        return params;
    }
}
