package io.shardline.launcher.drill;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code shardline drill}: the tools the failover drills in {@code scripts/drills/} use. */
@Command(name = "drill", description = "Drill tools: write unique points and check none acknowledged was lost.",
        subcommands = {DrillWriteCommand.class, DrillCheckCommand.class, DrillRaftCommand.class})
public final class DrillCommand implements Callable<Integer> {

    @CommandLine.Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }
}
