package io.shardline.ctl;

import io.shardline.common.time.Clock;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Runs ctl command lines in this JVM with in-memory streams; for tests. */
public final class CtlRunner {

    /** What one run printed and returned. */
    public record Result(int exitCode, String out, String err) {

        /** The error stream's lines. */
        public List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\n"));
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

    private final List<String> globalFlags;
    private final Clock clock;

    public CtlRunner(Clock clock, String... globalFlags) {
        this.clock = clock;
        this.globalFlags = List.of(globalFlags);
    }

    public CtlRunner(String... globalFlags) {
        this(Clock.system(), globalFlags);
    }

    public Result run(String... args) {
        return runWithInput("", args);
    }

    /** Runs with {@code input} as standard input (answers to prompts). */
    public Result runWithInput(String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(globalFlags);
        all.addAll(List.of(args));
        CtlEnvironment env = new CtlEnvironment(new BufferedReader(new StringReader(input)), new PrintWriter(out, true),
                new PrintWriter(err, true), clock);
        int code = Ctl.run(env, all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }
}
