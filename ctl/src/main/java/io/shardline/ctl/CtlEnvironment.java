package io.shardline.ctl;

import io.shardline.common.time.Clock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where one ctl run reads answers to prompts, writes its output and errors, and reads the time.
 * Tests pass in-memory streams and a fixed clock; {@link #system()} is the process's terminal.
 */
public record CtlEnvironment(BufferedReader in, PrintWriter out, PrintWriter err, Clock clock) {

    public CtlEnvironment {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(clock, "clock");
    }

    /** Standard input, output and error (UTF-8) and the system clock. */
    public static CtlEnvironment system() {
        return new CtlEnvironment(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                Clock.system());
    }
}
