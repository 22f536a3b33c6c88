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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(WriteHandler.class);
    private static final Pattern DROPPED = Pattern.compile("dropped=(\\d+)$");

    private final WriteService writes;
    private final Clock clock;
    private final long maxBodySize;
    private final boolean authEnabled;
    private HttpdStats stats;
    private boolean writeTracing;

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

    /**
     * Counts written, dropped and failed points in {@code httpd} and, with {@code [http]
     * write-tracing}, logs every body; only while the node is being wired.
     */
    public WriteHandler observedBy(HttpdStats httpd, boolean tracing) {
        this.stats = httpd;
        this.writeTracing = tracing;
        return this;
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
        int n = parsed.points.size();
        try {
            version = writes.write(db, rp == null ? "" : rp, level, parsed.points);
        } catch (ShardlineException e) {
            count(e, n);
            return HttpErrors.of(e);
        }
        if (stats != null) {
            stats.pointsWritten(n, 0);
        }
        HttpResult result = parsed.errors.isEmpty() ? HttpResult.noContent()
                : HttpErrors.of(new ShardlineException(ErrorCode.PARTIAL_WRITE,
                        "partial write: " + String.join("\n", parsed.errors) + " dropped=0"));
        return result.withHeader(VERSION_HEADER, Long.toString(version));
    }

    /** 1.x's counting: a partial write stores all but the dropped points; any other error fails them all. */
    private void count(ShardlineException e, int points) {
        if (stats == null) {
            return;
        }
        Matcher dropped = DROPPED.matcher(e.getMessage() == null ? "" : e.getMessage());
        if (e.code() == ErrorCode.PARTIAL_WRITE && dropped.find()) {
            long d = Math.min(points, Long.parseLong(dropped.group(1)));
            stats.pointsWritten(points - d, d);
        } else {
            stats.pointsFailed(points);
        }
    }

    private Parsed parse(InputStream in, Precision precision) throws IOException {
        Parsed out = new Parsed();
        LineProtocolStream stream = new LineProtocolParser().stream(precision, clock.wallNanos(), out);
        ByteArrayOutputStream traced = writeTracing ? new ByteArrayOutputStream() : null;
        byte[] buf = new byte[CHUNK];
        for (int n; (n = in.read(buf)) >= 0; ) {
            stream.feed(buf, 0, n);
            if (traced != null) {
                traced.write(buf, 0, n);
            }
        }
        stream.finish();
        if (traced != null) {
            LOG.info("Write body received by handler body={}", GoQuote.quote(traced.toString(StandardCharsets.UTF_8)));
        }
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
