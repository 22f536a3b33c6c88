package io.shardline.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code shardline bench write} counts a request whose connection closed unanswered as failed and finishes the run. */
class BenchWriteCommandTest {

    @Test
    void aConnectionClosedWithoutAnAnswerIsAFailedRequestNotAnAbortedRun() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> serve(server, requests), "fake-influxdb");
            acceptor.setDaemon(true);
            acceptor.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream saved = System.out;
            int code;
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            try {
                code = new CommandLine(new BenchWriteCommand()).execute("-url",
                        "http://127.0.0.1:" + server.getLocalPort(), "-no-create", "-points", "50", "-series", "5",
                        "-batch-size", "10", "-connections", "1");
            } finally {
                System.setOut(saved);
            }
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(code).isEqualTo(1);
            assertThat(printed).contains("wrote 40 points").contains("requests: 4 ok, 1 failed")
                    .contains("first error: batch 2: java.io.IOException");
            assertThat(requests.get()).isEqualTo(5); // the unanswered batch was not sent again
        }
    }

    /** Answers 204 on keep-alive connections, except that the third request's connection closes unanswered. */
    private static void serve(ServerSocket server, AtomicInteger requests) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                while (true) {
                    String head = readHead(in);
                    if (head == null) {
                        break;
                    }
                    long length = contentLength(head);
                    in.readNBytes((int) length);
                    if (requests.incrementAndGet() == 3) {
                        break; // close without a byte of answer
                    }
                    out.write("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException e) {
                // the server socket closed at the end of the test, or the client went away
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        for (int b; (b = in.read()) >= 0; ) {
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                return head.toString();
            }
        }
        return null;
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Long.parseLong(line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }
}
