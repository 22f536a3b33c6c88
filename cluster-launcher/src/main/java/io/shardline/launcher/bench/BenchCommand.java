package io.shardline.launcher.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code shardline bench}: load generators for any InfluxDB-1.x-compatible HTTP API. */
@Command(name = "bench", description = "Load generators for any InfluxDB 1.x compatible HTTP API.",
        subcommands = {BenchWriteCommand.class, BenchQueryCommand.class})
public final class BenchCommand implements Callable<Integer> {

    @CommandLine.Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }
}
