package io.shardline.common.rpc;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import io.shardline.common.auth.CredentialCache;
import io.shardline.common.auth.JwtTokens;
import io.shardline.common.auth.StoredUser;
import io.shardline.common.auth.UserDirectory;
import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.time.Clock;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server half of authentication between Shardline processes, on every gRPC server a node opens:
 * a call passes with a JWT signed with the internal shared secret (another node), or, when a user
 * directory is given, with an admin user's {@code Basic} credentials or a JWT signed with the user
 * secret naming an admin (shardline-ctl). Anything else ends with {@code UNAUTHENTICATED} and the text
 * shardline-ctl prints ({@code unable to parse authentication credentials}, {@code authorization
 * failed}, {@code signature is invalid}, ...), and one log line naming the peer's address, never a
 * secret (at most one line a second). Thread-safe.
 */
public final class RpcAuthenticator implements ServerInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(RpcAuthenticator.class);

    private final byte[] internalSecret;
    private final UserDirectory users;
    private final CredentialCache credentials;
    private final byte[] userSecret;
    private final Clock clock;
    private final AtomicLong lastLogSecond = new AtomicLong(-1);

    /** Nodes only: calls must carry an internal token. */
    public RpcAuthenticator(String internalSecret, Clock clock) {
        this(internalSecret, null, "", clock);
    }

    /**
     * @param users admins among them may call too (Basic, or a JWT signed with {@code userSecret}); null
     *     for nodes only
     * @param userSecret signs users' JWTs; empty refuses them
     */
    public RpcAuthenticator(String internalSecret, UserDirectory users, String userSecret, Clock clock) {
        this.internalSecret = internalSecret.getBytes(StandardCharsets.UTF_8);
        this.users = users;
        this.credentials = users == null ? null : new CredentialCache();
        this.userSecret = userSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                      ServerCallHandler<Q, R> next) {
        String refusal = refusal(headers.get(RpcCredentials.AUTHORIZATION));
        if (refusal == null) {
            return next.startCall(call, headers);
        }
        long second = clock.monotonicNanos() / 1_000_000_000L;
        if (lastLogSecond.getAndSet(second) != second) {
            LOG.warn("Refused unauthenticated call peer={} method={} reason=\"{}\"",
                    call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR),
                    call.getMethodDescriptor().getFullMethodName(), refusal);
        }
        StatusRuntimeException status = RpcErrors.toStatus(new ShardlineException(ErrorCode.UNAUTHENTICATED, refusal));
        call.close(status.getStatus(), status.getTrailers());
        return new ServerCall.Listener<>() {
        };
    }

    /** Null if the header authenticates a node or an admin, else why not. */
    String refusal(String header) {
        if (header == null) {
            return "unable to parse authentication credentials";
        }
        if (header.startsWith("Bearer ")) {
            String token = header.substring("Bearer ".length());
            JwtTokens.Verdict node = JwtTokens.verify(token, internalSecret, clock.wallMillis() / 1000);
            if (node.ok() || users == null || userSecret.length == 0) {
                return node.error();
            }
            JwtTokens.Verdict user = JwtTokens.verify(token, userSecret, clock.wallMillis() / 1000);
            if (!user.ok()) {
                return user.error();
            }
            return users.user(user.username()).filter(StoredUser::admin).isPresent() ? null : "authorization failed";
        }
        if (header.startsWith("Basic ") && users != null) {
            return basicRefusal(header.substring("Basic ".length()));
        }
        return "unable to parse authentication credentials";
    }

    private String basicRefusal(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "unable to parse authentication credentials";
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return "unable to parse authentication credentials";
        }
        String name = decoded.substring(0, colon);
        Optional<? extends StoredUser> user = users.user(name);
        if (user.isEmpty() || !user.get().admin()
                || !credentials.verify(name, user.get().hash(), decoded.substring(colon + 1))) {
            return "authorization failed";
        }
        return null;
    }
}
