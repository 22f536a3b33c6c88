package io.shardline.datanode.http;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.http.HttpResult;

/**
 * The one place errors become HTTP answers, exactly as InfluxDB 1.x writes them: body
 * {@code {"error":"<message>"}} plus a newline, {@code Content-Type: application/json}, and the
 * message (first 1024 bytes) in {@code X-InfluxDB-Error}, which the server writes as Go does
 * (line breaks become spaces, see {@code GoHeaders}). Status by {@link ErrorCode}:
 *
 * <table>
 *   <tr><th>code</th><th>status</th><th>example</th></tr>
 *   <tr><td>INVALID_ARGUMENT</td><td>400</td><td>{@code invalid consistency level}</td></tr>
 *   <tr><td>PARTIAL_WRITE, FIELD_TYPE_CONFLICT</td><td>400</td><td>{@code partial write: ... dropped=1}</td></tr>
 *   <tr><td>NOT_FOUND</td><td>404</td><td>{@code database not found: "db"}</td></tr>
 *   <tr><td>TOO_LARGE</td><td>413</td><td>{@code Request Entity Too Large}</td></tr>
 *   <tr><td>META_UNAVAILABLE, UNAVAILABLE, NOT_LEADER</td><td>503</td><td>metadata unreachable</td></tr>
 *   <tr><td>everything else</td><td>500</td><td>{@code partial write}, {@code write failed: ...}, {@code timeout}</td></tr>
 * </table>
 */
public final class HttpErrors {

    private HttpErrors() {
    }

    public static HttpResult of(ShardlineException e) {
        return of(status(e.code()), e.getMessage());
    }

    public static HttpResult of(int status, String message) {
        return HttpResult.error(status, message);
    }

    static int status(ErrorCode code) {
        return switch (code) {
            case INVALID_ARGUMENT, PARTIAL_WRITE, FIELD_TYPE_CONFLICT -> 400;
            case NOT_FOUND -> 404;
            case TOO_LARGE -> 413;
            case META_UNAVAILABLE, UNAVAILABLE, NOT_LEADER -> 503;
            default -> 500;
        };
    }
}
