package io.shardline.common.http;

import io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One request on one connection: its head, its body stream, the body bytes it holds in the
 * server's {@link BodyBudget}, and whether it has been answered. Exactly one answer is written,
 * whoever gives it first (the handler, or the server shedding the request or timing it out); the
 * budget is given back when it is. Thread-safe.
 */
final class Exchange {

    private final ChannelHandlerContext ctx;
    private final HttpServer.Runtime server;
    private final HttpRequestView view;
    private final boolean keepAlive;
    private final boolean hasBody;
    private final BodyBudget budget;
    private final AtomicLong reserved = new AtomicLong();
    private final AtomicBoolean answered = new AtomicBoolean();
    private ChunkStream stream;

    Exchange(ChannelHandlerContext ctx, HttpServer.Runtime server, HttpRequestView view, boolean keepAlive,
             boolean hasBody) {
        this.ctx = ctx;
        this.server = server;
        this.view = view;
        this.keepAlive = keepAlive;
        this.hasBody = hasBody;
        this.budget = server.budget();
    }

    void attach(ChunkStream body) {
        this.stream = body;
    }

    HttpRequestView view() {
        return view;
    }

    ChunkStream stream() {
        return stream;
    }

    boolean hasBody() {
        return hasBody;
    }

    boolean answered() {
        return answered.get();
    }

    /** Reserves {@code n} body bytes for this request; false when the server has no room. */
    boolean reserve(long n) {
        if (answered.get() || !budget.tryReserve(n)) {
            return false;
        }
        reserved.addAndGet(n);
        if (answered.get()) {
            budget.release(reserved.getAndSet(0));
        }
        return true;
    }

    /**
     * The connection closed: no answer will be written; the body bytes go back to the budget and
     * a handler still reading the body fails.
     */
    void abandon(String reason) {
        answered.set(true);
        if (stream != null) {
            stream.fail(reason);
            stream.close();
        }
        budget.release(reserved.getAndSet(0));
    }

    /**
     * Answers 503 with {@code Retry-After} because the server cannot take this request now, names
     * it in the shed log, and closes the connection (the body is not read).
     */
    void shed(String reason, String message) {
        if (answer(HttpResult.error(503, message).withHeader("Retry-After", "1"), false, null)) {
            server.shedLog().shed(reason, view.method() + " " + view.path() + " id=" + view.requestId());
        }
        if (stream != null) {
            stream.fail(message);
        }
    }

    /**
     * Writes {@code result} unless the request was answered already. The connection stays open only
     * when the client asked for keep-alive, {@code mayKeepAlive} holds and the whole body was read.
     *
     * @return false when another answer came first
     */
    boolean answer(HttpResult result, boolean mayKeepAlive, Runnable onWritten) {
        if (!answered.compareAndSet(false, true)) {
            return false;
        }
        boolean bodyConsumed = !hasBody || stream.fullyRead();
        stream.close();
        budget.release(reserved.getAndSet(0));
        server.writer().write(ctx, result, view.requestId(), server.echoRequestIds(),
                keepAlive && mayKeepAlive && bodyConsumed, "HEAD".equals(view.method()), onWritten);
        return true;
    }
}
