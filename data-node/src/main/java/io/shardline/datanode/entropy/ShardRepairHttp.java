package io.shardline.datanode.entropy;

import io.shardline.common.error.ShardlineException;
import io.shardline.common.http.HttpHandler;
import io.shardline.common.http.HttpRequestView;
import io.shardline.common.http.HttpResult;
import io.shardline.datanode.entropy.rpc.EntropyRpcServer;
import io.shardline.datanode.http.HttpErrors;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * InfluxDB Enterprise's anti-entropy API on the data node's HTTP port:
 * <ul>
 *   <li>{@code GET /shard-repair/status[?local=true]}: 200 with {@link StatusJson}; without
 *       {@code local} the answer merges every data node's (a node that does not answer is left
 *       out);</li>
 *   <li>{@code POST /shard-repair/repair?id=N}: 204 once the repair is queued on the shard's first
 *       owner;</li>
 *   <li>{@code POST /shard-repair/cancel-repair?id=N[&local=true]}: 204 once the shard left the
 *       queues of every data node (or this one); a running repair is not stopped.</li>
 * </ul>
 * Errors go through {@link HttpErrors}: a missing or non-numeric {@code id} or a bad {@code local} is
 * 400, an unknown shard 404 ({@code shard not found: N}), a disabled service or any other failure 500.
 * Thread-safe.
 */
public final class ShardRepairHttp {

    private final Supplier<EntropyNode> node;

    /** @param node the node's anti-entropy logic; a supplier of null while the service is disabled */
    public ShardRepairHttp(Supplier<EntropyNode> node) {
        this.node = node;
    }

    public HttpHandler status() {
        return request -> run(() -> HttpResult.json(200, StatusJson.render(
                EntropyRpcServer.require(node.get()).status(bool(request, "local"), false))));
    }

    public HttpHandler repair() {
        return request -> run(() -> {
            long id = shardId(request);
            EntropyRpcServer.require(node.get()).repair(id, false);
            return HttpResult.noContent();
        });
    }

    public HttpHandler cancelRepair() {
        return request -> run(() -> {
            long id = shardId(request);
            boolean local = bool(request, "local");
            EntropyRpcServer.require(node.get()).cancelRepair(id, local);
            return HttpResult.noContent();
        });
    }

    private interface Action {
        HttpResult run();
    }

    private static HttpResult run(Action action) {
        try {
            return action.run();
        } catch (ShardlineException e) {
            return HttpErrors.of(e);
        } catch (RuntimeException e) {
            return HttpErrors.of(500, "anti-entropy: " + e);
        }
    }

    static long shardId(HttpRequestView request) {
        String id = request.param("id");
        if (id == null || id.isEmpty()) {
            throw ShardlineException.invalid("missing required parameter \"id\"");
        }
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ShardlineException.invalid("invalid shard id \"" + id + "\": not a number");
        }
    }

    /** Go's {@code strconv.ParseBool}; absent is false. */
    static boolean bool(HttpRequestView request, String name) {
        String v = request.param(name);
        if (v == null || v.isEmpty()) {
            return false;
        }
        return switch (v) {
            case "1", "t", "T", "true", "TRUE", "True" -> true;
            case "0", "f", "F", "false", "FALSE", "False" -> false;
            default -> throw ShardlineException.invalid("invalid " + name.toLowerCase(Locale.ROOT) + " parameter \""
                    + v + "\"");
        };
    }
}
