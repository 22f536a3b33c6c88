package io.shardline.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up failures are one line on stderr and exit code 1, never a stack trace. */
class NodeRunnerTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(originalErr);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path dataConfig(int httpPort, String dataDir) throws Exception {
        Path file = tmp.resolve("data.toml");
        Files.writeString(file, """
                bind-address = "127.0.0.1:0"
                [meta]
                dir = "%1$s/meta"
                [data]
                dir = "%2$s"
                wal-dir = "%1$s/wal"
                [hinted-handoff]
                dir = "%1$s/hh"
                [http]
                bind-address = "127.0.0.1:%3$d"
                """.formatted(tmp, dataDir, httpPort));
        return file;
    }

    @Test
    void portInUseIsOneLineNamingAddressAndKey() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int code = NodeRunner.run(NodeKind.DATA, dataConfig(taken.getLocalPort(), tmp + "/data"), "t", null);
            assertThat(code).isEqualTo(1);
            assertThat(stderr()).isEqualTo("Error: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + " ([http] bind-address): address already in use\n");
        }
    }

    @Test
    void unusableDirectoryIsOneLineNamingIt() throws Exception {
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        int code = NodeRunner.run(NodeKind.DATA, dataConfig(0, file + "/data"), "t", null);
        assertThat(code).isEqualTo(1);
        assertThat(stderr()).startsWith("Error: cannot use directory " + file + "/data ([data] dir): ")
                .endsWith("\n").hasLineCount(1);
    }

    @Test
    void badConfigurationIsOneLine() throws Exception {
        Path file = tmp.resolve("meta.toml");
        Files.writeString(file, "[meta]\nelection-timeout = \"soon\"\n");
        assertThat(NodeRunner.run(NodeKind.META, file, "t", null)).isEqualTo(1);
        assertThat(stderr()).startsWith("Error: invalid configuration: [meta] election-timeout = \"soon\" in ")
                .hasLineCount(1);
    }

    @Test
    void unknownConfigKindIsAUsageError() {
        assertThat(ShardlineMain.execute("config", "ctl")).isEqualTo(2);
        assertThat(stderr()).contains("unknown node kind \"ctl\": use meta or data");
    }
}
