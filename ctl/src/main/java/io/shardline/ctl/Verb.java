package io.shardline.ctl;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * One ctl verb: a picocli command (name, flags, arguments by annotation) with {@code -help}, whose
 * {@link #run} gets a {@link CtlContext} built from the global flags. Arguments are checked in
 * {@link #validate} before any node is contacted. A verb may be nested (like {@code entropy show}); it
 * finds the global flags at the root. Subclasses are registered in {@link VerbRegistry}.
 */
public abstract class Verb implements Callable<Integer> {

    @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Spec
    protected CommandSpec spec;

    @Override
    public final Integer call() {
        validate();
        CtlCommand root = (CtlCommand) spec.root().userObject();
        try (CtlContext ctx = root.openContext(path())) {
            return run(ctx);
        }
    }

    /** The verb as typed: {@code show}, or {@code entropy show} for a nested one. */
    private String path() {
        List<String> names = new ArrayList<>();
        for (CommandSpec s = spec; s.parent() != null; s = s.parent()) {
            names.add(0, s.name());
        }
        return String.join(" ", names);
    }

    /** Checks the flags and arguments; throw {@link #usage} to report a usage error. */
    protected void validate() {
    }

    /** Does the work and returns the exit code (0). Failures are thrown as {@code ShardlineException}s. */
    protected abstract int run(CtlContext ctx);

    /** A usage error of this verb, printed as one {@code Error:} line with exit code 2. */
    protected CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
