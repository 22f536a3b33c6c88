package io.shardline.datanode.http;

import io.shardline.common.auth.Principal;
import io.shardline.common.auth.Privilege;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.http.BodyTooLargeException;
import io.shardline.common.http.HttpRequestView;
import io.shardline.common.http.HttpResult;
import io.shardline.common.http.StreamingHttpHandler;
import io.shardline.common.time.Clock;
import io.shardline.datanode.write.ConsistencyLevel;
import io.shardline.datanode.write.WriteService;
import io.shardline.model.GoQuote;
import io.shardline.model.Point;
import io.shardline.model.Precision;
import io.shardline.model.lp.LineProtocolParser;
import io.shardline.model.lp.LineProtocolStream;
import io.shardline.model.lp.PointSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /write}, with InfluxDB 1.8's order of checks: {@code db} required (400), database
 * known (404), precision valid (400), body within {@code max-body-size} (413), parse as it streams
 * in (the server inflates {@code Content-Encoding: gzip} bodies within the same limit); no point and a parse error → 400 with the parser's
 * text; empty body → 204; bad {@code consistency} → 400; then the write, whose errors map through
 * {@link HttpErrors}; good lines are stored even when others failed to parse (400 {@code partial
 * write: ... dropped=0}). With {@code [http] auth-enabled} the user needs WRITE on the database
 * (403 {@code "bob" user is not authorized to write to database "db"}; no user while no admin exists:
 * 403 {@code user is required to write to database "db"}), checked after the database exists, as 1.x.
 * A request whose points were stored answers with their HLC version in {@value #VERSION_HEADER}.
 * Thread-safe.
 */
public final class WriteHandler implements StreamingHttpHandler {

    private static final int CHUNK = 64 * 1024;
    /**
     * Shardline only: the HLC version the stored points of this request carry (every replica stores
     * the same), so a client or a drill can tell which of two overwrites of a point must win.
     */
    public static final String VERSION_HEADER = "X-Shardline-Write-Version";

    private final WriteService writes;
    private final Clock clock;
    private final long maxBodySize;
    private final boolean authEnabled;

    public WriteHandler(WriteService writes, Clock clock, long maxBodySize) {
        this(writes, clock, maxBodySize, false);
    }

    /** @param authEnabled {@code [http] auth-enabled}: the request's user needs WRITE on the database */
    public WriteHandler(WriteService writes, Clock clock, long maxBodySize, boolean authEnabled) {
        this.writes = writes;
        this.clock = clock;
        this.maxBodySize = maxBodySize;
        this.authEnabled = authEnabled;
    }

    @Override
    public HttpResult handle(HttpRequestView request, InputStream body) {
        String db = request.param("db");
        if (db == null || db.isEmpty()) {
            return HttpErrors.of(400, "database is required");
        }
        if (!writes.databaseExists(db)) {
            return HttpErrors.of(404, "database not found: \"" + db + "\"");
        }
        if (authEnabled) {
            Optional<Principal> user = request.principal();
            if (user.isEmpty()) {
                return HttpErrors.of(403, "user is required to write to database " + GoQuote.quote(db));
            }
            if (!user.get().authorizeDatabase(Privilege.WRITE, db)) {
                return HttpErrors.of(403, GoQuote.quote(user.get().name())
                        + " user is not authorized to write to database " + GoQuote.quote(db));
            }
        }
        String precisionParam = request.param("precision");
        Optional<Precision> precision = Precision.fromParam(precisionParam == null ? "" : precisionParam);
        if (precision.isEmpty()) {
            return HttpErrors.of(400, Precision.invalidMessage(precisionParam));
        }
        if (maxBodySize > 0 && contentLength(request) > maxBodySize) {
            return HttpErrors.of(413, "Request Entity Too Large");
        }
        Parsed parsed;
        try {
            parsed = parse(body, precision.get());
        } catch (BodyTooLargeException e) {
            return HttpErrors.of(413, "Request Entity Too Large");
        } catch (IOException e) {
            return HttpErrors.of(400, e.getMessage()); // as Go: "unexpected EOF", "gzip: invalid header", ...
        }
        return write(request, db, parsed);
    }

    private HttpResult write(HttpRequestView request, String db, Parsed parsed) {
        if (parsed.points.isEmpty()) {
            return parsed.errors.isEmpty() ? HttpResult.noContent() : HttpErrors.of(400, String.join("\n", parsed.errors));
        }
        ConsistencyLevel level;
        try {
            level = ConsistencyLevel.parse(request.param("consistency"));
        } catch (ShardlineException e) {
            return HttpErrors.of(e);
        }
        String rp = request.param("rp");
        long version;
        try {
            version = writes.write(db, rp == null ? "" : rp, level, parsed.points);
        } catch (ShardlineException e) {
            return HttpErrors.of(e);
        }
        HttpResult result = parsed.errors.isEmpty() ? HttpResult.noContent()
                : HttpErrors.of(new ShardlineException(ErrorCode.PARTIAL_WRITE,
                        "partial write: " + String.join("\n", parsed.errors) + " dropped=0"));
        return result.withHeader(VERSION_HEADER, Long.toString(version));
    }

    private Parsed parse(InputStream in, Precision precision) throws IOException {
        Parsed out = new Parsed();
        LineProtocolStream stream = new LineProtocolParser().stream(precision, clock.wallNanos(), out);
        byte[] buf = new byte[CHUNK];
        for (int n; (n = in.read(buf)) >= 0; ) {
            stream.feed(buf, 0, n);
        }
        stream.finish();
        return out;
    }

    private static long contentLength(HttpRequestView request) {
        String value = request.header("Content-Length");
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Points and parse errors of one body. */
    private static final class Parsed implements PointSink {
        final List<Point> points = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        @Override
        public void point(Point point) {
            points.add(point);
        }

        @Override
        public void error(String message) {
            errors.add(message);
        }
    }
}
