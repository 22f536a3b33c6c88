package io.shardline.common.rpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.shardline.common.auth.JwtTokens;
import io.shardline.common.time.Clock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The client half of authentication between Shardline processes: one interceptor that puts an
 * {@code authorization} header on every call of a channel. Nodes send a short-lived JWT signed with the
 * internal shared secret ({@link #internalToken}), re-signed well before it expires; shardline-ctl sends
 * an admin user's {@code Basic} credentials or a JWT ({@link #fixed}). Thread-safe.
 */
public final class RpcCredentials implements ClientInterceptor {

    /** The metadata key every Shardline server reads. */
    public static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    /** How long an internal token is valid; they are renewed when half of it has passed. */
    static final Duration INTERNAL_TOKEN_LIFETIME = Duration.ofMinutes(1);

    private final Supplier<String> header;

    private RpcCredentials(Supplier<String> header) {
        this.header = header;
    }

    /** Internal tokens for {@code subject} (this node's name) signed with {@code secret}. */
    public static RpcCredentials internalToken(String subject, String secret, Clock clock) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        return new RpcCredentials(new Supplier<>() {
            private String token;
            private long renewAt;

            @Override
            public synchronized String get() {
                long now = clock.wallMillis() / 1000;
                if (token == null || now >= renewAt) {
                    token = "Bearer " + JwtTokens.sign(subject, now, INTERNAL_TOKEN_LIFETIME, key);
                    renewAt = now + INTERNAL_TOKEN_LIFETIME.toSeconds() / 2;
                }
                return token;
            }
        });
    }

    /** A fixed {@code authorization} value ({@code Basic ...} or {@code Bearer ...}). */
    public static RpcCredentials fixed(String authorization) {
        return new RpcCredentials(() -> authorization);
    }

    /** HTTP Basic credentials of a user. */
    public static RpcCredentials basic(String user, String password) {
        return fixed("Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                headers.put(AUTHORIZATION, header.get());
                super.start(listener, headers);
            }
        };
    }
}
