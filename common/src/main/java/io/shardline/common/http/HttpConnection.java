package io.shardline.common.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.WriteTimeoutException;
import io.netty.util.ReferenceCountUtil;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.RejectedExecutionException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection of the {@link HttpServer}, on its Netty event loop. A request goes to a worker
 * thread only once its body is complete or large enough to stream ({@link #STREAM_AFTER}), so a
 * slow client holds no thread, only the bytes it sent (counted in the server's body budget); routes
 * that run inline ({@code /ping}) are answered on the event loop and never wait for a worker. Over
 * a limit the request is shed: 503 with {@code Retry-After} when workers, queue or body budget are
 * full, 408 when the head or body do not arrive in time ({@link ConnectionClock}). Requests on one
 * connection are answered in order; one that arrives while another is in progress (HTTP pipelining)
 * waits in a small backlog. A request Netty could not decode gets Go's plain-text {@code 400 Bad
 * Request} ({@code 431} for an oversized head) and the connection closes. Event-loop confined
 * except the worker task, which talks to the connection only through its {@link Exchange}.
 */
final class HttpConnection extends SimpleChannelInboundHandler<HttpObject> {

    private static final Logger LOG = LoggerFactory.getLogger(HttpConnection.class);
    /** Messages of pipelined requests kept while one is in progress; beyond it the client is cut off. */
    private static final int MAX_BACKLOG = 64;
    /** Buffered body bytes after which a request goes to a worker before its body is complete. */
    static final int STREAM_AFTER = 256 * 1024;

    private final HttpServer.Runtime server;
    private final ConnectionClock clock;
    private final Deque<HttpObject> backlog = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private Exchange current;
    private boolean dispatched;
    private boolean receiving;
    private boolean closing;

    HttpConnection(HttpServer.Runtime server) {
        super(false);
        this.server = server;
        this.clock = new ConnectionClock(server.limits(), this::timedOut);
    }

    /** The handler to put before the HTTP codec, which tells the clock when a request starts. */
    ConnectionClock clock() {
        return clock;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, HttpObject msg) {
        if (closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (current != null && !receiving) {
            if (backlog.size() >= MAX_BACKLOG) {
                ReferenceCountUtil.release(msg);
                server.shedLog().shed("pipelined-backlog", "connection from " + ctx.channel().remoteAddress()
                        + " closed: over " + MAX_BACKLOG + " messages of pipelined requests while "
                        + current.view().method() + " " + current.view().path() + " id=" + current.view().requestId()
                        + " was in progress");
                ctx.close();
                return;
            }
            backlog.add(msg);
            return;
        }
        try {
            handle(msg);
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void handle(HttpObject msg) {
        if (msg instanceof HttpRequest request) {
            startRequest(request);
        }
        if (msg instanceof HttpContent content && receiving) {
            ChunkStream body = current.stream();
            if (content.decoderResult().isFailure()) {
                body.fail("malformed request body: " + content.decoderResult().cause().getMessage());
                bodyDone();
                dispatch();
                return;
            }
            if (content.content().isReadable() && !body.offer(content.content().retain())) {
                bodyDone();
                current.shed("request-memory", GzipBody.OVERLOADED);
                return;
            }
            if (msg instanceof LastHttpContent) {
                body.end();
                bodyDone();
            }
            if (!dispatched && (body.ended() || body.tooLarge() || body.buffered() >= STREAM_AFTER)) {
                dispatch();
            }
        }
    }

    private void startRequest(HttpRequest request) {
        clock.headReceived();
        DecoderResult decoded = request.decoderResult();
        String path = decoded.isSuccess() ? HttpRequestView.pathOf(request.uri()) : null;
        if (path == null) {
            boolean tooLong = decoded.cause() instanceof TooLongFrameException;
            server.writer().writeBareError(ctx, tooLong ? 431 : 400);
            closing = true; // nothing more is read from this connection
            return;
        }
        HttpRequestView view = new HttpRequestView(request, path, server.requestId(request), ctx.channel().remoteAddress());
        boolean hasBody = HttpUtil.isTransferEncodingChunked(request) || HttpUtil.getContentLength(request, 0L) > 0;
        current = new Exchange(ctx, server, view, HttpUtil.isKeepAlive(request), hasBody);
        current.attach(new ChunkStream(ctx.channel(), server.limits().maxBodySize(), current));
        dispatched = false;
        receiving = hasBody;
        if (!hasBody) {
            current.stream().end();
            clock.requestReceived();
            if (server.handler().runsInline(view)) {
                answerInline();
            } else {
                dispatch();
            }
        }
    }

    private void bodyDone() {
        receiving = false;
        clock.requestReceived();
    }

    private void answerInline() {
        dispatched = true;
        Exchange exchange = current;
        exchange.answer(run(exchange, exchange.stream()), true, this::nextRequest);
    }

    private void dispatch() {
        dispatched = true;
        Exchange exchange = current;
        try {
            server.workers().execute(() -> respond(exchange));
        } catch (RejectedExecutionException e) {
            exchange.shed("max-queued-requests", "server overloaded: too many requests in progress");
            if (receiving) {
                receiving = false;
                clock.requestReceived();
            }
        }
    }

    /** Worker thread: runs the handler and writes its answer; never throws. */
    private void respond(Exchange exchange) {
        if (exchange.answered()) {
            return; // shed or timed out while it waited for a worker
        }
        InputStream body = exchange.stream();
        String encoding = exchange.view().header("Content-Encoding");
        if (exchange.hasBody() && "gzip".equals(encoding)) {
            body = new GzipBody(body, server.limits().maxBodySize(), exchange);
        }
        exchange.answer(run(exchange, body), true, this::nextRequest);
    }

    private HttpResult run(Exchange exchange, InputStream body) {
        try {
            HttpResult result = server.handler().handle(exchange.view(), body);
            if (result == null) {
                throw new IllegalStateException("handler returned no result");
            }
            return result;
        } catch (Throwable t) {
            return HttpFailures.internalError(server.name(), exchange.view(), t);
        }
    }

    /** Event loop, after a keep-alive response went out: the next pipelined request, if any. */
    private void nextRequest() {
        current = null;
        clock.responded();
        while ((current == null || receiving) && !backlog.isEmpty()) {
            HttpObject msg = backlog.poll();
            try {
                handle(msg);
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }
    }

    /** Event loop: the connection clock ran out. */
    private void timedOut(ConnectionClock.Phase phase) {
        switch (phase) {
            case IDLE -> ctx.close();
            case HEAD -> {
                server.shedLog().shed("read-header-timeout", "connection from " + ctx.channel().remoteAddress());
                server.writer().writeBareError(ctx, 408);
                closing = true;
            }
            case BODY -> {
                Exchange exchange = current;
                if (exchange != null && exchange.answer(HttpResult.error(408,
                        "request not received within read-timeout"), false, null)) {
                    server.shedLog().shed("read-timeout", exchange.view().method() + " " + exchange.view().path()
                            + " id=" + exchange.view().requestId());
                }
                if (exchange != null && exchange.stream() != null) {
                    exchange.stream().fail("request not received within read-timeout");
                }
                closing = true;
                ctx.close();
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (current != null) {
            current.abandon("connection closed before the request body was complete");
        }
        backlog.forEach(ReferenceCountUtil::release);
        backlog.clear();
        clock.stop();
        context.fireChannelInactive();
    }

    /** A failed TLS handshake closes the connection without an HTTP answer; Go logs each, this rate-limited. */
    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event instanceof SslHandshakeCompletionEvent handshake && !handshake.isSuccess()) {
            server.shedLog().shed("tls-handshake", "connection from " + context.channel().remoteAddress() + ": "
                    + handshake.cause());
        }
        context.fireUserEventTriggered(event);
    }

    private static boolean isTls(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (cause instanceof WriteTimeoutException) {
            server.shedLog().shed("idle-timeout", "response not taken by " + context.channel().remoteAddress());
        } else {
            if (isTls(cause) || (current != null && !current.answered())) {
                // the connection closes without an answer: say why (rate-limited); the client only sees the close
                server.shedLog().shed(isTls(cause) ? "tls-error" : "connection-error", "connection from "
                        + context.channel().remoteAddress() + " closed: " + cause);
            }
            LOG.debug("HTTP connection error service={}", server.name(), cause);
        }
        context.close();
    }
}
