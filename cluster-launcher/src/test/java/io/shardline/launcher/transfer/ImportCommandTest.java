package io.shardline.launcher.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.shardline.common.time.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code shardline import} over HTTP: what it sends (influx's parameters, {@code consistency=all}
 * and {@code precision=ns} by default, basic auth), gzipped input and stdin, its summary and exit
 * codes, and the messages for a missing file argument and an unreachable server.
 */
class ImportCommandTest {

    @TempDir
    Path tmp;
    private HttpServer http;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private String start(int writeStatus, String writeBody) throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + (auth == null ? "" : " " + auth)
                    + (body.isEmpty() ? "" : "\n" + body));
            String path = exchange.getRequestURI().getPath();
            byte[] answer = path.equals("/query") ? "{\"results\":[{\"statement_id\":0}]}\n".getBytes(StandardCharsets.UTF_8)
                    : path.equals("/write") && writeStatus != 204 ? writeBody.getBytes(StandardCharsets.UTF_8) : new byte[0];
            int status = path.equals("/write") ? writeStatus : path.equals("/ping") ? 204 : 200;
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(answer);
            }
        });
        http.start();
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (http != null) {
            http.stop(0);
        }
    }

    private int run(String stdin, String... args) {
        return new CommandLine(new ImportCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ManualClock())).execute(args);
    }

    @Test
    void sendsInfluxsRequestsAndSummarises() throws IOException {
        String url = start(204, "");
        Path file = tmp.resolve("export.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(file))) {
            o.write("# DDL\nCREATE DATABASE \"a b\" WITH NAME rp\n# DML\n# CONTEXT-DATABASE:a b\n# CONTEXT-RETENTION-POLICY:rp\nm v=1 1\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        assertThat(run("", "-import", "-path", file.toString(), "-compressed", "-url", url, "-username", "u",
                "-password", "p")).isZero();
        assertThat(requests).containsExactly("GET /ping Basic dTpw",
                "GET /query?q=SHOW+RETENTION+POLICIES+ON+%22a+b%22 Basic dTpw",
                "POST /query?q=CREATE+DATABASE+%22a+b%22+WITH+NAME+rp&db= Basic dTpw",
                "POST /write?db=a+b&rp=rp&precision=ns&consistency=all Basic dTpw\nm v=1 1\n");
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).containsSequence("Processed 1 commands",
                "Processed 1 inserts", "Failed 0 inserts");
    }

    @Test
    void readsStdinWithTheHostPortAndPrecisionGivenAndFailsWhenPointsFail() throws IOException {
        String url = start(404, "{\"error\":\"database not found: \\\"db\\\"\"}\n");
        int port = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
        assertThat(run("m v=1 1\n", "-path", "-", "-host", "127.0.0.1", "-port", Integer.toString(port), "-database", "db",
                "-precision", "s", "-consistency", "one")).isEqualTo(1);
        assertThat(requests.get(1)).isEqualTo("POST /write?db=db&rp=&precision=s&consistency=one\nm v=1 1\n");
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "line 1 is not InfluxQL and no # DML line came before it: importing the rest as line protocol",
                "line 1: 404 database not found: \"db\"", "ERROR: 1 points were not inserted");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Failed 1 inserts");
    }

    @Test
    void needsAFileAndAServer() throws IOException {
        assertThat(run("")).isEqualTo(1);
        assertThat(run("", "-path", tmp.resolve("none").toString(), "-url", "http://127.0.0.1:1")).isEqualTo(1);
        String url = start(204, "");
        assertThat(run("", "-path", tmp.resolve("none").toString(), "-url", url)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "ERROR: file argument required", "ERROR: failed to connect to http://127.0.0.1:1",
                "ERROR: open " + tmp.resolve("none") + ": no such file or directory");
    }
}
