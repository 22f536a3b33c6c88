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
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection of the {@link HttpServer}, on its Netty event loop: turns each request head into
 * a task for a worker thread and feeds that task the body chunks as they arrive. Requests on one
 * connection are answered in order: one that arrives while another is in progress (HTTP
 * pipelining) waits in a small backlog. A request Netty could not decode gets Go's plain-text
 * {@code 400 Bad Request} (or {@code 431} for an oversized head) and the connection closes.
 * Event-loop confined except {@link #respond}, which runs on a worker.
 */
final class HttpConnection extends SimpleChannelInboundHandler<HttpObject> {

    private static final Logger LOG = LoggerFactory.getLogger(HttpConnection.class);
    /** Messages of pipelined requests kept while one is in progress; beyond it the client is cut off. */
    private static final int MAX_BACKLOG = 64;

    private final HttpServer.Runtime server;
    private final Deque<HttpObject> backlog = new ArrayDeque<>();
    private ChunkStream body;
    private boolean inFlight;

    HttpConnection(HttpServer.Runtime server) {
        super(false);
        this.server = server;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
        if (inFlight && body == null) {
            if (backlog.size() >= MAX_BACKLOG) {
                ReferenceCountUtil.release(msg);
                ctx.close();
                return;
            }
            backlog.add(msg);
            return;
        }
        try {
            handle(ctx, msg);
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void handle(ChannelHandlerContext ctx, HttpObject msg) {
        if (msg instanceof HttpRequest request) {
            startRequest(ctx, request);
        }
        if (msg instanceof HttpContent content && body != null) {
            if (content.decoderResult().isFailure()) {
                body.fail("malformed request body: " + content.decoderResult().cause().getMessage());
                body = null;
                return;
            }
            if (content.content().isReadable()) {
                body.offer(content.content().retain());
            }
            if (msg instanceof LastHttpContent) {
                body.end();
                body = null;
            }
        }
    }

    private void startRequest(ChannelHandlerContext ctx, HttpRequest request) {
        DecoderResult decoded = request.decoderResult();
        String path = decoded.isSuccess() ? HttpRequestView.pathOf(request.uri()) : null;
        if (path == null) {
            boolean tooLong = decoded.cause() instanceof TooLongFrameException;
            server.writer().writeBareError(ctx, tooLong ? 431 : 400);
            inFlight = true; // nothing more is read from this connection
            return;
        }
        HttpRequestView view = new HttpRequestView(request, path, server.requestId(request));
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        boolean hasBody = HttpUtil.isTransferEncodingChunked(request) || HttpUtil.getContentLength(request, 0L) > 0;
        ChunkStream stream = new ChunkStream(ctx.channel(), server.maxBodySize());
        if (!hasBody) {
            stream.end();
        }
        body = hasBody ? stream : null;
        inFlight = true;
        try {
            server.workers().execute(() -> respond(ctx, view, stream, keepAlive, hasBody));
        } catch (RejectedExecutionException e) {
            stream.close();
            body = null;
            server.writer().write(ctx, HttpResult.error(503, "server is shutting down or overloaded"), view.requestId(),
                    server.echoRequestIds(), false, false, null);
        }
    }

    /** Worker thread: runs the handler and writes its answer; never throws. */
    private void respond(ChannelHandlerContext ctx, HttpRequestView view, ChunkStream stream, boolean keepAlive,
                         boolean hasBody) {
        HttpResult result;
        try {
            result = server.handler().handle(view, stream);
            if (result == null) {
                throw new IllegalStateException("handler returned no result");
            }
        } catch (Throwable t) {
            result = HttpFailures.internalError(server.name(), view, t);
        }
        // A handler that answered before reading the whole body leaves the connection unusable.
        boolean bodyConsumed = !hasBody || stream.fullyRead();
        stream.close();
        server.writer().write(ctx, result, view.requestId(), server.echoRequestIds(), keepAlive && bodyConsumed,
                "HEAD".equals(view.method()), () -> nextRequest(ctx));
    }

    /** Event loop, after a keep-alive response went out: the next pipelined request, if any. */
    private void nextRequest(ChannelHandlerContext ctx) {
        inFlight = false;
        while (!inFlight && !backlog.isEmpty()) {
            HttpObject msg = backlog.poll();
            try {
                handle(ctx, msg);
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (body != null) {
            body.fail("connection closed before the request body was complete");
            body = null;
        }
        backlog.forEach(ReferenceCountUtil::release);
        backlog.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("HTTP connection error service={}", server.name(), cause);
        ctx.close();
    }
}
