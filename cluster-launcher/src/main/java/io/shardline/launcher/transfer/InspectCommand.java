package io.shardline.launcher.transfer;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shardline inspect}: offline tools that read a data node's files, like {@code influx_inspect}. */
@Command(name = "inspect", description = "Offline tools that read a data node's shard files (like influx_inspect).",
        subcommands = {ExportCommand.class})
public final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
