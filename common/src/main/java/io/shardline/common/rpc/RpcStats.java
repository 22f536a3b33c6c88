package io.shardline.common.rpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientStreamTracer;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.shardline.common.stats.Statistic;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the gRPC calls a node makes, per peer ({@code host:port}) and method, as the {@code rpc}
 * statistic (Enterprise's measurement name): {@code rpcCalls}, {@code rpcFailures} (any status but
 * OK), {@code rpcDurationNs} (start to close), {@code rpcWriteBytes} / {@code rpcReadBytes} (wire
 * bytes, from a stream tracer) and {@code liveStreams} (calls in flight). Counters are found without
 * locking or allocating once a (peer, method) pair has been seen. Thread-safe.
 */
public final class RpcStats implements ClientInterceptor {

    private final StatsRegistry registry;
    private final Clock clock;
    private final Map<String, Map<String, Counters>> byPeer = new ConcurrentHashMap<>();

    public RpcStats(StatsRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
        Counters c = counters(next.authority(), method.getBareMethodName());
        ClientCall<Q, A> call = next.newCall(method, options.withStreamTracerFactory(c.tracer));
        return new ForwardingClientCall.SimpleForwardingClientCall<>(call) {
            @Override
            public void start(Listener<A> listener, Metadata headers) {
                long start = clock.monotonicNanos();
                c.calls.increment();
                c.live.increment();
                super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
                    @Override
                    public void onClose(Status status, Metadata trailers) {
                        c.live.decrement();
                        c.durationNs.add(clock.monotonicNanos() - start);
                        if (!status.isOk()) {
                            c.failures.increment();
                        }
                        super.onClose(status, trailers);
                    }
                }, headers);
            }
        };
    }

    private Counters counters(String peer, String method) {
        String p = peer == null ? "" : peer;
        String m = method == null ? "" : method;
        Map<String, Counters> methods = byPeer.get(p);
        if (methods == null) {
            methods = byPeer.computeIfAbsent(p, k -> new ConcurrentHashMap<>());
        }
        Counters c = methods.get(m);
        return c != null ? c : methods.computeIfAbsent(m, k -> new Counters(registry.statistic("rpc",
                Map.of("peer", p, "method", m))));
    }

    /** The counters of one (peer, method) pair. */
    private static final class Counters {
        final LongAdder calls;
        final LongAdder failures;
        final LongAdder durationNs;
        final LongAdder writeBytes;
        final LongAdder readBytes;
        final LongAdder live = new LongAdder();
        final ClientStreamTracer.Factory tracer;

        Counters(Statistic s) {
            calls = s.counter("rpcCalls");
            failures = s.counter("rpcFailures");
            durationNs = s.counter("rpcDurationNs");
            writeBytes = s.counter("rpcWriteBytes");
            readBytes = s.counter("rpcReadBytes");
            s.gauge("liveStreams", live::sum);
            tracer = new ClientStreamTracer.Factory() {
                @Override
                public ClientStreamTracer newClientStreamTracer(ClientStreamTracer.StreamInfo info, Metadata headers) {
                    return new ClientStreamTracer() {
                        @Override
                        public void outboundWireSize(long bytes) {
                            writeBytes.add(bytes);
                        }

                        @Override
                        public void inboundWireSize(long bytes) {
                            readBytes.add(bytes);
                        }
                    };
                }
            };
        }
    }
}
