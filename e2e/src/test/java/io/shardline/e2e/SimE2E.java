package io.shardline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code shardline sim}: a whole cluster in one process, on cluster.sh's port layout (base 22000). */
class SimE2E {

    private static final int B = E2ePorts.base(22000);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void runsAClusterInOneProcessAndStopsCleanlyOnSigterm() throws Exception {
        Path repo = Path.of("").toAbsolutePath().getParent();
        Path dir = repo.resolve("e2e/target/sim");
        Path out = Files.createTempFile("sim", ".out");
        Process p = new ProcessBuilder("java", "-Xmx1g", "-jar", repo.resolve("cluster-launcher/target/shardline.jar").toString(),
                "sim", "--meta", "3", "--data", "2", "--dir", dir.toString(), "--base-port", Integer.toString(B))
                .redirectErrorStream(true).redirectOutput(out.toFile()).redirectInput(new File("/dev/null")).start();
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() ->
                    Files.readString(out).contains("Press Ctrl-C to stop."));
            assertThat(Files.readString(out)).contains("data2    http=127.0.0.1:" + (B + 116) + " tcp=127.0.0.1:" + (B + 118))
                    .contains("meta1    api=127.0.0.1:" + (B + 11) + " status=127.0.0.1:" + (B + 12) + " raft=127.0.0.1:" + (B + 19));
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + (B + 106) + "/query?q=CREATE+DATABASE+sim")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(200);
            HttpResponse<String> written = HTTP.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + (B + 116) + "/write?db=sim")).POST(HttpRequest.BodyPublishers.ofString("cpu v=1 1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(written.statusCode()).isEqualTo(204);
            new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        } finally {
            p.destroyForcibly();
        }
    }
}
