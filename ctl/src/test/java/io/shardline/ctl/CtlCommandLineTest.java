package io.shardline.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Parsing, help and usage errors: no cluster needed. */
class CtlCommandLineTest {

    private final CtlRunner ctl = new CtlRunner();

    private static void assertOneErrorLine(CtlRunner.Result r, int exitCode, String contains) {
        assertThat(r.exitCode()).as("%s", r).isEqualTo(exitCode);
        assertThat(r.errLines()).as("%s", r).singleElement().satisfies(line ->
                assertThat(line).startsWith("Error: ").contains(contains));
    }

    @Test
    void topLevelHelpListsEveryVerbAndTheGlobalFlags() {
        for (String flag : List.of("-help", "-h", "--help")) {
            CtlRunner.Result r = ctl.run(flag);
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).contains("Usage: shardline ctl [-bind host:port] [-bind-tls [-k]] [-timeout duration]",
                    "-auth-type", "-user", "-pwd", "-secret", "token", "-bind-tls", "-k, --k",
                    "-bind", "localhost:8091", "-timeout", "10s", "show-shards", "remove-meta", "truncate-shards",
                    "update-data", "add-meta", "remove-data", "add-data", "copy-shard", "copy-shard-status",
                    "kill-copy-shard", "remove-shard");
            assertThat(r.err()).isEmpty();
        }
        assertThat(ctl.run().out()).contains("Commands:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"show", "show-shards", "remove-data", "update-data", "add-meta", "remove-meta",
            "truncate-shards", "add-data", "copy-shard", "copy-shard-status", "kill-copy-shard", "remove-shard"})
    void everyVerbHasHelp(String verb) {
        CtlRunner.Result r = ctl.run(verb, "-help");
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).contains("Usage:", verb, "-help");
        assertThat(r.err()).isEmpty();
        assertThat(ctl.run("help", verb).out()).contains("Usage:", verb);
    }

    @Test
    void verbFlagsAreListedInTheirHelp() {
        assertThat(ctl.run("remove-meta", "-help").out()).contains("-force", "-tcpAddr", "-y");
        assertThat(ctl.run("truncate-shards", "-help").out()).contains("-delay", "1m0s");
        assertThat(ctl.run("remove-data", "-help").out()).contains("-force");
        assertThat(ctl.run("show-shards", "-help").out()).contains("-e", "-v");
        assertThat(ctl.run("copy-shard", "-help").out()).contains("-rate-limit", "source-tcp-address",
                "destination-tcp-address", "shard-id");
    }

    @Test
    void usageErrorsNameTheProblemOnOneLine() {
        assertOneErrorLine(ctl.run("frobnicate"), 2, "unknown command \"frobnicate\"");
        assertOneErrorLine(ctl.run("show", "extra"), 2, "unexpected extra arguments: [extra]");
        assertOneErrorLine(ctl.run("show", "-x"), 2, "unknown flag: -x");
        assertOneErrorLine(ctl.run("remove-data"), 2, "Missing required parameter");
        assertOneErrorLine(ctl.run("update-data", "a:1"), 2, "Missing required parameter");
        assertOneErrorLine(ctl.run("remove-meta", "-force", "m:8091"), 2, "-tcpAddr is required with -force");
        assertOneErrorLine(ctl.run("-timeout", "ten", "show"), 2, "-timeout");
        assertOneErrorLine(ctl.run("-timeout", "0s", "show"), 2, "-timeout must be greater than 0s");
        assertOneErrorLine(ctl.run("-bind", "nohost", "show"), 2, "has no port");
        assertOneErrorLine(ctl.run("truncate-shards", "-delay", "-1m"), 2, "negative duration");
        assertOneErrorLine(ctl.run("remove-data", "data1"), 2, "has no port");
        assertOneErrorLine(ctl.run("copy-shard", "a:1", "b:1"), 2, "Missing required parameter");
        assertOneErrorLine(ctl.run("copy-shard", "a:1", "b:1", "x"), 2, "'x' is not a long");
        assertOneErrorLine(ctl.run("copy-shard", "a:1", "a:1", "3"), 2,
                "source and destination are the same data node: a:1");
        assertOneErrorLine(ctl.run("copy-shard", "-rate-limit", "fast", "a:1", "b:1", "3"), 2, "invalid size");
        assertOneErrorLine(ctl.run("remove-shard", "a:1"), 2, "Missing required parameter");
        assertOneErrorLine(ctl.run("kill-copy-shard", "a:1", "b:1"), 2, "Missing required parameter");
        assertOneErrorLine(ctl.run("add-data"), 2, "Missing required parameter");
        assertOneErrorLine(ctl.run("copy-shard-status", "x"), 2, "unexpected extra arguments: [x]");
    }

    @Test
    void unreachableMetaFailsWithOneErrorLineWithinTheTimeout() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        long start = System.nanoTime();
        CtlRunner.Result r = new CtlRunner("-bind", "127.0.0.1:" + port, "-timeout", "1s").run("show");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertOneErrorLine(r, 1, "127.0.0.1:" + port);
        assertThat(r.out()).isEmpty();
        // bounded, not a speed figure: far below what retrying or the default 10 s timeout would take, with room
        // for a loaded machine (3.3 s seen at load average 17)
        assertThat(millis).as("returns within the timeout").isLessThan(6_000);
    }

    @Test
    void aHungMetaNodeCannotHoldTheCtlPastTheTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) { // accepts TCP but never speaks HTTP/2
            long start = System.nanoTime();
            CtlRunner.Result r = new CtlRunner("-bind", "127.0.0.1:" + silent.getLocalPort(), "-timeout", "700ms")
                    .run("show-shards");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.errLines()).singleElement().satisfies(l -> assertThat(l).startsWith("Error: "));
            assertThat(millis).as("returns within the timeout").isLessThan(6_000);
        }
    }

    @Test
    void theLauncherCommandPassesEveryArgumentInOrder() {
        @CommandLine.Command(name = "shardline", subcommands = CtlLauncherCommand.class)
        class Root {
        }
        CommandLine cl = new CommandLine(new Root());
        CommandLine.ParseResult parsed = cl.parseArgs("ctl", "-bind", "h:1", "-timeout", "5s", "remove-meta", "-force",
                "-tcpAddr", "m:8089", "-y", "m:8091", "-help");
        CtlLauncherCommand ctlCommand = (CtlLauncherCommand) parsed.subcommand().commandSpec().userObject();
        assertThat(ctlCommand.args).containsExactly("-bind", "h:1", "-timeout", "5s", "remove-meta", "-force",
                "-tcpAddr", "m:8089", "-y", "m:8091", "-help");
    }
}
