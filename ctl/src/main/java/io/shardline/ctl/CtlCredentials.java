package io.shardline.ctl;

import io.grpc.ClientInterceptor;
import io.shardline.common.auth.JwtTokens;
import io.shardline.common.rpc.RpcCredentials;
import io.shardline.common.time.Clock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * What shardline-ctl sends to authenticate ({@code -auth-type}): nothing, an admin user's Basic
 * credentials ({@code -user}, {@code -pwd}), or a JWT for {@code -user} signed with the meta nodes'
 * {@code [meta] shared-secret} ({@code -secret}), valid one minute like influxd-ctl's. Immutable.
 */
public record CtlCredentials(String type, String user, String password, String secret, Clock clock) {

    /** {@code -auth-type none}. */
    public static final CtlCredentials NONE = new CtlCredentials("none", "", "", "", Clock.system());

    static CtlCredentials of(String type, String user, String password, String secret, Clock clock) {
        return new CtlCredentials(type, user, password, secret, clock);
    }

    /** The interceptors that put the credentials on every call (none for {@code -auth-type none}). */
    public List<ClientInterceptor> interceptors() {
        return switch (type) {
            case "basic" -> List.of(RpcCredentials.basic(user, password));
            case "jwt" -> List.of(RpcCredentials.fixed("Bearer " + token(Duration.ofMinutes(1))));
            default -> List.of();
        };
    }

    /** A JWT for {@code -user} signed with {@code -secret}, valid for {@code lifetime}. */
    public String token(Duration lifetime) {
        return JwtTokens.sign(user, clock.wallMillis() / 1000, lifetime, secret.getBytes(StandardCharsets.UTF_8));
    }

    /** Never prints the password or the secret. */
    @Override
    public String toString() {
        return "CtlCredentials[type=" + type + ", user=" + user + "]";
    }
}
