package io.shardline.benchmarks.http;

import io.shardline.common.auth.CredentialCache;
import io.shardline.common.auth.PasswordHashes;
import io.shardline.common.http.HttpAuthenticator;
import io.shardline.common.http.HttpRequestView;
import io.shardline.common.http.HttpResult;
import io.shardline.common.http.StreamingHttpHandler;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.time.Clock;
import io.shardline.meta.client.ClusterUsers;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.UserInfo;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code [http] auth-enabled} adds to one request, in microseconds: the {@link HttpAuthenticator}
 * in front of a handler that does nothing, with {@code Authorization: Basic} (the password already
 * verified once, so the {@link CredentialCache} answers, as on every request after a client's first) and
 * the users of a cluster view of {@code users} users, the requesting one created last. {@code direct} is
 * the same handler without the filter. A {@code /write} of 5,000 lines costs milliseconds, so the
 * difference should be a few microseconds at most.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HttpAuthBenchmark {

    @Param({"1", "1000"})
    public int users;

    private final StreamingHttpHandler handler = (request, body) -> HttpResult.noContent();
    private HttpAuthenticator authenticator;
    private HttpRequestView request;

    @Setup
    public void setUp() throws Exception {
        List<UserInfo> all = new ArrayList<>();
        String hash = new PasswordHashes(new SecureRandom(), 4).hash("bench");
        for (int i = 1; i < users; i++) {
            all.add(UserInfo.of("user" + i, hash, false));
        }
        all.add(UserInfo.of("bench", hash, true));
        ClusterMetadata metadata = ClusterMetadata.EMPTY.withUsers(all);
        authenticator = new HttpAuthenticator(handler, path -> HttpAuthenticator.Access.USER,
                new ClusterUsers(() -> metadata), new CredentialCache(), "InfluxDB", "", Clock.system(),
                new StatsRegistry().statistic("httpd", Map.of()));
        String basic = "Basic " + Base64.getEncoder().encodeToString("bench:bench".getBytes(StandardCharsets.UTF_8));
        request = HttpRequestView.of("POST", "/write?db=bench", Map.of("Authorization", basic), new byte[0]);
        if (authenticator.handle(request, InputStream.nullInputStream()).status() != 204) {
            throw new IllegalStateException("the benchmark user was refused");
        }
    }

    @Benchmark
    public HttpResult authenticated() throws Exception {
        return authenticator.handle(request, InputStream.nullInputStream());
    }

    @Benchmark
    public HttpResult direct() throws Exception {
        return handler.handle(request, InputStream.nullInputStream());
    }
}
