package io.shardline.common.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.shardline.common.time.Clock;
import io.shardline.common.time.SecondsFormat;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an {@link HttpResult} into bytes on the wire the way Go's {@code net/http} writes a
 * response: the handler's headers sorted by canonical key with values made safe by
 * {@link GoHeaders}, then {@code Date}, {@code Content-Length} (not for 204 and 304) and
 * {@code Connection: close} when the connection ends. Writing never throws: a response that cannot
 * be built is replaced by a bare 500, and a failed write closes the connection, so no client waits
 * for an answer that will not come. Stateless apart from the clock; any thread.
 */
final class ResponseWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseWriter.class);
    private final SecondsFormat httpDate = new SecondsFormat(
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC));

    private final Clock clock;
    /** The common headers by canonical key, values already as Go writes them: built once, copied per response. */
    private final TreeMap<String, CharSequence> commonHeaders = new TreeMap<>();

    /** @param commonHeaders put on every response (e.g. InfluxDB's version headers) */
    ResponseWriter(Clock clock, Map<String, String> commonHeaders) {
        this.clock = clock;
        commonHeaders.forEach((k, v) -> this.commonHeaders.put(GoHeaders.canonicalKey(k), GoHeaders.value(v)));
    }

    /**
     * Writes {@code result} and, unless {@code keepAlive}, closes the connection after it.
     *
     * @param requestIdHeaders whether to echo the request id as {@code Request-Id} and {@code X-Request-Id}
     * @param onWritten run on the event loop once the response is on the wire (keep-alive only)
     */
    void write(ChannelHandlerContext ctx, HttpResult result, String requestId, boolean requestIdHeaders,
               boolean keepAlive, boolean head, Runnable onWritten) {
        FullHttpResponse response;
        try {
            response = build(result, requestId, requestIdHeaders, keepAlive, head);
        } catch (RuntimeException | Error e) {
            LOG.warn("HTTP response could not be built id={} status={} error=\"{}\"", requestId, result.status(), e);
            keepAlive = false;
            try {
                response = build(HttpResult.error(500, "Internal Server Error"), requestId, requestIdHeaders, false, head);
            } catch (RuntimeException | Error again) {
                ctx.close();
                return;
            }
        }
        if (!ctx.executor().inEventLoop()) {
            // Write and listen on the event loop. Called from a worker, writeAndFlush could complete before
            // addListener runs; the listener would then be queued as a later task, and the client, which
            // already has its answer, could send its next request before onWritten lets the connection read
            // it (the request waits in the pipelining backlog, which cut such clients off).
            FullHttpResponse built = response;
            boolean keep = keepAlive;
            try {
                ctx.executor().execute(() -> send(ctx, built, requestId, keep, onWritten));
            } catch (RejectedExecutionException e) {
                built.release(); // the server is stopping: its event loops take no more tasks
            }
            return;
        }
        send(ctx, response, requestId, keepAlive, onWritten);
    }

    /** Event loop: writes {@code response}; {@code onWritten} (keep-alive) runs as soon as it is on the wire. */
    private static void send(ChannelHandlerContext ctx, FullHttpResponse response, String requestId, boolean keepAlive,
                             Runnable onWritten) {
        boolean close = !keepAlive;
        ctx.writeAndFlush(response).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                LOG.debug("HTTP response not sent id={}", requestId, f.cause());
                f.channel().close();
            } else if (close) {
                f.channel().close();
            } else if (onWritten != null) {
                onWritten.run();
            }
        });
    }

    /**
     * Go's answer to a request it could not read ({@code 400 Bad Request}, or {@code 431 Request
     * Header Fields Too Large} for an oversized head): plain text, no length, and the connection closes.
     */
    void writeBareError(ChannelHandlerContext ctx, int status) {
        HttpResponseStatus s = HttpResponseStatus.valueOf(status);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, s,
                Unpooled.copiedBuffer(s.toString(), StandardCharsets.US_ASCII));
        response.headers().set("Content-Type", "text/plain; charset=utf-8").set("Connection", "close");
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private FullHttpResponse build(HttpResult result, String requestId, boolean requestIdHeaders, boolean keepAlive,
                                   boolean head) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(result.status()),
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(result.body()),
                DefaultHttpHeadersFactory.headersFactory().withValidation(false),
                DefaultHttpHeadersFactory.trailersFactory().withValidation(false));
        TreeMap<String, CharSequence> sorted = new TreeMap<>(commonHeaders);
        if (result.contentType() != null) {
            sorted.put("Content-Type", GoHeaders.value(result.contentType()));
        }
        result.headers().forEach((k, v) -> sorted.put(GoHeaders.canonicalKey(k), GoHeaders.value(v)));
        if (requestIdHeaders && requestId != null) {
            AsciiString id = GoHeaders.value(requestId);
            sorted.put("Request-Id", id);
            sorted.put("X-Request-Id", id);
        }
        HttpHeaders headers = response.headers();
        sorted.forEach((k, v) -> headers.add(k, v));
        headers.set("Date", httpDate.format(clock.wallMillis(), ZoneOffset.UTC));
        int status = result.status();
        if (status != 204 && status != 304 && status >= 200) {
            headers.set("Content-Length", Integer.toString(result.body().length));
        }
        if (!keepAlive) {
            headers.set("Connection", "close");
        }
        return response;
    }
}
