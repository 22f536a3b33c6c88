package io.shardline.common.http;

import io.shardline.common.auth.CredentialCache;
import io.shardline.common.auth.JwtTokens;
import io.shardline.common.auth.Principal;
import io.shardline.common.auth.StoredUser;
import io.shardline.common.auth.UserDirectory;
import io.shardline.common.json.GoJson;
import io.shardline.common.stats.Statistic;
import io.shardline.common.time.Clock;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code [http] auth-enabled} filter in front of a router, as InfluxDB 1.x's {@code authenticate}:
 * routes the policy calls {@link Access#OPEN} pass untouched; on the others, once an admin user exists,
 * the request must carry credentials ({@link HttpCredentials}) that name a user whose password matches
 * (through the {@link CredentialCache}) or a JWT signed with {@code [http] shared-secret}; the user is
 * attached to the request for the handler's privilege checks. Refusals are 401 with {@code
 * WWW-Authenticate: Basic realm="..."} and 1.x's texts, counted as {@code authFail} and logged without
 * the password (at most one line a second). {@link Access#ADMIN} routes also need an admin (403
 * {@code error authorizing admin access}). Thread-safe.
 */
public final class HttpAuthenticator implements StreamingHttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HttpAuthenticator.class);

    /** What a route needs. */
    public enum Access { OPEN, USER, ADMIN }

    private final StreamingHttpHandler delegate;
    private final Function<String, Access> policy;
    private final UserDirectory users;
    private final CredentialCache credentials;
    private final String realm;
    private final byte[] sharedSecret;
    private final Clock clock;
    private final Statistic httpd;
    private final AtomicLong lastLogSecond = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();

    /**
     * @param policy what each path needs
     * @param sharedSecret {@code [http] shared-secret}; empty disables Bearer tokens
     * @param httpd the node's {@code httpd} statistic ({@code authFail} is counted there)
     */
    public HttpAuthenticator(StreamingHttpHandler delegate, Function<String, Access> policy, UserDirectory users,
                             CredentialCache credentials, String realm, String sharedSecret, Clock clock,
                             Statistic httpd) {
        this.delegate = delegate;
        this.policy = policy;
        this.users = users;
        this.credentials = credentials;
        this.realm = realm;
        this.sharedSecret = sharedSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        this.httpd = httpd;
    }

    /** Only open routes run inline: checking a password may block (bcrypt) and must not hold an event loop. */
    @Override
    public boolean runsInline(HttpRequestView head) {
        return policy.apply(head.path()) == Access.OPEN && delegate.runsInline(head);
    }

    @Override
    public HttpResult handle(HttpRequestView request, InputStream body) throws Exception {
        Access access = policy.apply(request.path());
        if (access == Access.OPEN) {
            return delegate.handle(request, body);
        }
        HttpRequestView authenticated = request;
        if (users.adminUserExists()) {
            Outcome outcome = authenticate(request);
            if (outcome.user == null) {
                return refuse(request, outcome.error, outcome.name);
            }
            authenticated = request.withPrincipal(outcome.user);
        }
        if (access == Access.ADMIN && !authenticated.principal().map(Principal::admin).orElse(false)) {
            return error(403, "error authorizing admin access").withHeader("X-InfluxDB-Error",
                    "error authorizing admin access");
        }
        return delegate.handle(authenticated, body);
    }

    private record Outcome(StoredUser user, String error, String name) {
    }

    private Outcome authenticate(HttpRequestView request) {
        Optional<HttpCredentials> creds = HttpCredentials.of(request);
        if (creds.isEmpty()) {
            return new Outcome(null, "unable to parse authentication credentials", "");
        }
        if (creds.get() instanceof HttpCredentials.Password p) {
            if (p.username().isEmpty()) {
                return new Outcome(null, "username required", "");
            }
            Optional<? extends StoredUser> user = users.user(p.username());
            if (user.isEmpty() || !credentials.verify(p.username(), user.get().hash(), p.password())) {
                return new Outcome(null, "authorization failed", p.username());
            }
            return new Outcome(user.get(), null, p.username());
        }
        if (sharedSecret.length == 0) {
            return new Outcome(null, "bearer auth disabld", ""); // sic: InfluxDB 1.6's text
        }
        JwtTokens.Verdict verdict = JwtTokens.verify(((HttpCredentials.Bearer) creds.get()).token(), sharedSecret,
                clock.wallMillis() / 1000);
        if (!verdict.ok()) {
            return new Outcome(null, verdict.error(), "");
        }
        Optional<? extends StoredUser> user = users.user(verdict.username());
        return user.<Outcome>map(u -> new Outcome(u, null, verdict.username()))
                .orElseGet(() -> new Outcome(null, "user not found", verdict.username()));
    }

    private HttpResult refuse(HttpRequestView request, String message, String name) {
        httpd.counter("authFail").increment();
        long second = clock.monotonicNanos() / 1_000_000_000L;
        if (lastLogSecond.getAndSet(second) != second) {
            LOG.info("Authentication failed path={} user={} reason=\"{}\" suppressed={}", request.path(),
                    GoJson.quote(name), message, suppressed.getAndSet(0));
        } else {
            suppressed.incrementAndGet();
        }
        return error(401, message).withHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
    }

    private static HttpResult error(int status, String message) {
        return HttpResult.json(status, GoJson.errorBody(message) + "\n");
    }
}
