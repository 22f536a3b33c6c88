package io.shardline.ctl;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code main} of the ctl as a process ({@code shardline ctl} and {@code scripts/shardline-ctl}
 * come here through the launcher): quiets the gRPC and Netty loggers, so the error stream carries
 * nothing but the ctl's own {@code Error:} line, runs the command line and exits with its code.
 */
public final class CtlMain {

    /** Held strongly: java.util.logging keeps loggers weakly, and would forget the level. */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("io.grpc"), Logger.getLogger("io.netty"),
            Logger.getLogger("io.grpc.netty.shaded"));

    private CtlMain() {
    }

    public static void main(String[] args) {
        System.exit(runProcess(args));
    }

    /** Runs {@code args} on the process's terminal and returns the exit code. */
    public static int runProcess(String... args) {
        QUIET.forEach(logger -> logger.setLevel(Level.OFF));
        return Ctl.run(CtlEnvironment.system(), args);
    }
}
