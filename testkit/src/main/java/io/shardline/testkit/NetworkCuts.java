package io.shardline.testkit;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cuts the network between pairs of in-JVM data nodes: every call a node makes to a peer whose
 * address is cut from it fails at once with UNAVAILABLE, as if the peer were unreachable. Links are
 * undirected pairs of TCP addresses. Thread-safe.
 */
public final class NetworkCuts {

    private final Set<Set<String>> cut = ConcurrentHashMap.newKeySet();

    /** Cuts the link between two nodes' TCP addresses. */
    public void cut(String a, String b) {
        cut.add(Set.of(a, b));
    }

    public void heal(String a, String b) {
        cut.remove(Set.of(a, b));
    }

    public void healAll() {
        cut.clear();
    }

    public boolean isCut(String a, String b) {
        return !a.equals(b) && cut.contains(Set.of(a, b));
    }

    /** The interceptor for calls made by the node at {@code from}. */
    public ClientInterceptor interceptorFor(String from) {
        return new ClientInterceptor() {
            @Override
            public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
                if (!isCut(from, next.authority())) {
                    return next.newCall(method, options);
                }
                return new ClientCall<>() {
                    @Override
                    public void start(Listener<R> listener, Metadata headers) {
                        listener.onClose(Status.UNAVAILABLE.withDescription("network cut by test between " + from
                                + " and " + next.authority()), new Metadata());
                    }

                    @Override
                    public void request(int numMessages) {
                    }

                    @Override
                    public void cancel(String message, Throwable cause) {
                    }

                    @Override
                    public void halfClose() {
                    }

                    @Override
                    public void sendMessage(Q message) {
                    }
                };
            }
        };
    }
}
