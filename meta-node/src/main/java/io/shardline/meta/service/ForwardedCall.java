package io.shardline.meta.service;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;

/**
 * Marks calls that another meta node forwarded (header {@value MetaPeers#FORWARDED}) in the gRPC
 * context, so they are never forwarded a second time. Stateless.
 */
public final class ForwardedCall implements ServerInterceptor {

    private static final Context.Key<Boolean> FORWARDED = Context.key("shardline-forwarded");

    /** The service definition with forwarded calls recognised. */
    public static ServerServiceDefinition intercept(MetaGrpcService service) {
        return ServerInterceptors.intercept(service, new ForwardedCall());
    }

    /** Whether the call being handled on this thread came from another meta node. */
    static boolean isForwarded() {
        return Boolean.TRUE.equals(FORWARDED.get());
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                      ServerCallHandler<Q, R> next) {
        boolean forwarded = headers.containsKey(MetaPeers.FORWARDED_KEY);
        return Contexts.interceptCall(Context.current().withValue(FORWARDED, forwarded), call, headers, next);
    }
}
