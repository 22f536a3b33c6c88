package io.shardline.common.rpc;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC side of the catch-all: an exception or error escaping a service method (or its message
 * decoding) closes that call with a status carrying the message, as {@link RpcErrors} does, and one
 * log line, instead of gRPC's bare {@code UNKNOWN}. The connection and the server go on. Stateless.
 */
final class CatchAllInterceptor implements ServerInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(CatchAllInterceptor.class);

    private final String service;

    CatchAllInterceptor(String service) {
        this.service = service;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        ServerCall.Listener<Q> delegate;
        try {
            delegate = next.startCall(call, headers);
        } catch (RuntimeException | Error e) {
            fail(call, e);
            return new ServerCall.Listener<>() { };
        }
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
            @Override
            public void onMessage(Q message) {
                guard(() -> super.onMessage(message));
            }

            @Override
            public void onHalfClose() {
                guard(super::onHalfClose);
            }

            @Override
            public void onReady() {
                guard(super::onReady);
            }

            private void guard(Runnable step) {
                try {
                    step.run();
                } catch (RuntimeException | Error e) {
                    fail(call, e);
                }
            }
        };
    }

    private <Q, R> void fail(ServerCall<Q, R> call, Throwable e) {
        StatusRuntimeException status = e instanceof StatusRuntimeException s ? s : RpcErrors.toStatus(e);
        LOG.warn("gRPC call failed service={} method={} error=\"{}\"", service,
                call.getMethodDescriptor().getFullMethodName(), e.toString().replace('\n', ' '));
        try {
            call.close(status.getStatus(), status.getTrailers() == null ? new Metadata() : status.getTrailers());
        } catch (IllegalStateException alreadyClosed) {
            LOG.debug("gRPC call already closed service={}", service);
        }
    }
}
