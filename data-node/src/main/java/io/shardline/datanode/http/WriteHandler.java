package io.shardline.datanode.http;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.http.BodyTooLargeException;
import io.shardline.common.http.HttpRequestView;
import io.shardline.common.http.HttpResult;
import io.shardline.common.http.StreamingHttpHandler;
import io.shardline.common.time.Clock;
import io.shardline.datanode.write.ConsistencyLevel;
import io.shardline.datanode.write.WriteService;
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
 * write: ... dropped=0}). Thread-safe.
 */
public final class WriteHandler implements StreamingHttpHandler {

    private static final int CHUNK = 64 * 1024;

    private final WriteService writes;
    private final Clock clock;
    private final long maxBodySize;

    public WriteHandler(WriteService writes, Clock clock, long maxBodySize) {
        this.writes = writes;
        this.clock = clock;
        this.maxBodySize = maxBodySize;
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
        try {
            writes.write(db, rp == null ? "" : rp, level, parsed.points);
        } catch (ShardlineException e) {
            return HttpErrors.of(e);
        }
        if (!parsed.errors.isEmpty()) {
            return HttpErrors.of(new ShardlineException(ErrorCode.PARTIAL_WRITE,
                    "partial write: " + String.join("\n", parsed.errors) + " dropped=0"));
        }
        return HttpResult.noContent();
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
