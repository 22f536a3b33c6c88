package io.shardline.datanode.http;

import io.shardline.common.http.HttpAuthenticator.Access;
import java.util.function.Function;

/**
 * What each data-node route needs with {@code [http] auth-enabled}: {@code /write} and {@code /query}
 * a user (their handlers check privileges), {@code /shard-repair/*} and {@code /shard-status} an admin,
 * {@code /debug/*} an admin with {@code pprof-auth-enabled} (else nothing, as 1.x), {@code /ping},
 * {@code /health}, {@code /metrics} a user with {@code ping-auth-enabled} (else nothing); unknown paths
 * nothing (they answer 404). Immutable.
 */
public record RouteAccess(boolean pingAuthEnabled, boolean pprofAuthEnabled) implements Function<String, Access> {

    @Override
    public Access apply(String path) {
        if (path.equals("/write") || path.equals("/query")) {
            return Access.USER;
        }
        if (path.startsWith("/shard-repair/") || path.equals("/shard-status")) {
            return Access.ADMIN;
        }
        if (path.startsWith("/debug/")) {
            return pprofAuthEnabled ? Access.ADMIN : Access.OPEN;
        }
        if (path.equals("/ping") || path.equals("/health") || path.equals("/metrics") || path.equals("/status")) {
            return pingAuthEnabled ? Access.USER : Access.OPEN;
        }
        return Access.OPEN;
    }
}
