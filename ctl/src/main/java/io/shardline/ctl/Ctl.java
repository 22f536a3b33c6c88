package io.shardline.ctl;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Runs one {@code shardline ctl} command line and returns its exit code: 0 on success, 1 when the
 * operation failed, 2 for a usage error. Any failure prints exactly one line, {@code Error: ...}, on
 * the error stream and nothing else; output and help go to the output stream. Stateless.
 */
public final class Ctl {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private Ctl() {
    }

    public static int run(CtlEnvironment env, String... args) {
        int code = commandLine(env).execute(args);
        env.out().flush();
        env.err().flush();
        return code;
    }

    /** The command tree: the root with every registered verb and {@code help}. */
    static CommandLine commandLine(CtlEnvironment env) {
        CommandLine cl = new CommandLine(new CtlCommand(env));
        for (Verb verb : VerbRegistry.verbs()) {
            cl.addSubcommand(verb);
        }
        cl.addSubcommand("help", new CommandLine.HelpCommand());
        // Settings after the subcommands so that they apply to them too.
        cl.setOut(env.out());
        cl.setErr(env.err());
        cl.setExpandAtFiles(false);
        cl.setPosixClusteredShortOptionsAllowed(false);
        cl.setParameterExceptionHandler((e, args) -> usageError(e));
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> failure(e, cmd));
        return cl;
    }

    private static int usageError(ParameterException e) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName(" ");
        String message = e instanceof UnmatchedArgumentException u ? unmatched(u, cmd) : e.getMessage();
        cmd.getErr().println("Error: " + oneLine(message) + " (see '" + name + " -help')");
        cmd.getErr().flush();
        return USAGE;
    }

    private static String unmatched(UnmatchedArgumentException e, CommandLine cmd) {
        List<String> args = e.getUnmatched();
        if (e.isUnknownOption()) {
            return "unknown flag: " + args.get(0);
        }
        if (cmd.getCommandSpec().userObject() instanceof CtlCommand) {
            return "unknown command \"" + args.get(0) + "\"";
        }
        return "unexpected extra arguments: " + args;
    }

    private static int failure(Exception e, CommandLine cmd) {
        String message = e instanceof ShardlineException se ? se.getMessage()
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (e instanceof ShardlineException se && se.code() == ErrorCode.UNAUTHENTICATED) {
            message = message + "."; // influxd-ctl: "Error: authorization failed."
        }
        cmd.getOut().flush();
        cmd.getErr().println("Error: " + oneLine(message));
        cmd.getErr().flush();
        return FAILED;
    }

    /**
     * The first line of the message: the error stream carries exactly one line per failure, and what
     * follows a line break in an exception's text is a nested cause or a stack trace.
     */
    static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        String stripped = message.strip();
        int end = stripped.indexOf('\n');
        return (end < 0 ? stripped : stripped.substring(0, end)).strip();
    }
}
