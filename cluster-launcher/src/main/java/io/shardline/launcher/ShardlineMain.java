package io.shardline.launcher;

import io.shardline.common.ShardlineVersion;
import io.shardline.common.error.ShardlineException;
import io.shardline.config.ConfigLoader;
import io.shardline.config.TomlPrinter;
import io.shardline.launcher.bench.BenchCommand;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code shardline} command: one jar, several roles. Flags use InfluxDB's single-dash style
 * ({@code -config FILE}); the double-dash form works too.
 */
@Command(name = "shardline", mixinStandardHelpOptions = false,
        description = "Shardline: a clustered time-series database compatible with InfluxDB Enterprise 1.x.",
        subcommands = {ShardlineMain.MetaCommand.class, ShardlineMain.DataCommand.class,
                ShardlineMain.ConfigCommand.class, ShardlineMain.VersionCommand.class, BenchCommand.class,
                io.shardline.launcher.sim.SimCommand.class, io.shardline.launcher.drill.DrillCommand.class,
                io.shardline.launcher.transfer.InspectCommand.class, io.shardline.launcher.transfer.ImportCommand.class,
                io.shardline.ctl.CtlLauncherCommand.class, CertsCommand.class, CommandLine.HelpCommand.class})
public final class ShardlineMain implements Callable<Integer> {

    @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 failure, 2 usage error). */
    public static int execute(String... args) {
        return new CommandLine(new ShardlineMain())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof ShardlineException) {
                        cmd.getErr().println("Error: " + e.getMessage());
                        return 1;
                    }
                    throw e;
                })
                .execute(args);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    /** Options shared by the node commands. */
    static class NodeOptions {
        @Option(names = {"-config", "--config"}, paramLabel = "FILE",
                description = "Configuration file (TOML). Defaults apply when absent; "
                        + "SHARDLINE_CONFIG_PATH or INFLUXDB_CONFIG_PATH are used when set.")
        Path config;

        @Option(names = {"-pidfile", "--pidfile"}, paramLabel = "FILE", description = "Write the process id to FILE.")
        Path pidFile;

        @Option(names = {"-name", "--name"}, paramLabel = "NAME", description = "Node name printed on every log line.")
        String name;

        @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help.")
        boolean help;

        Path configOrEnv() {
            if (config != null) {
                return config;
            }
            String env = System.getenv("SHARDLINE_CONFIG_PATH");
            if (env == null || env.isBlank()) {
                env = System.getenv("INFLUXDB_CONFIG_PATH");
            }
            return env == null || env.isBlank() ? null : Path.of(env);
        }
    }

    @Command(name = "meta", description = "Run a meta node.")
    static final class MetaCommand extends NodeOptions implements Callable<Integer> {
        @Override
        public Integer call() {
            return NodeRunner.run(NodeKind.META, configOrEnv(), name == null ? "meta" : name, pidFile);
        }
    }

    @Command(name = "data", description = "Run a data node.")
    static final class DataCommand extends NodeOptions implements Callable<Integer> {
        @Override
        public Integer call() {
            return NodeRunner.run(NodeKind.DATA, configOrEnv(), name == null ? "data" : name, pidFile);
        }
    }

    @Command(name = "config", description = "Print the complete configuration of a meta or data node as TOML:"
            + " the defaults, merged with -config FILE and SHARDLINE_* environment variables when given.")
    static final class ConfigCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "meta|data", description = "Which node kind.")
        String kind;

        @Option(names = {"-config", "--config"}, paramLabel = "FILE", description = "Merge this file into the defaults.")
        Path config;

        @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help.")
        boolean help;

        @Override
        public Integer call() {
            NodeKind nodeKind = switch (kind) {
                case "meta" -> NodeKind.META;
                case "data" -> NodeKind.DATA;
                default -> throw new CommandLine.ParameterException(new CommandLine(this),
                        "unknown node kind \"" + kind + "\": use meta or data");
            };
            var loaded = ConfigLoader.load(nodeKind.definition(), config, System.getenv());
            loaded.warnings().forEach(w -> System.err.println("Warning: " + w));
            System.out.print(TomlPrinter.print(loaded.config()));
            return 0;
        }
    }

    @Command(name = "version", description = "Print the version.")
    static final class VersionCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            System.out.println("Shardline v" + ShardlineVersion.version()
                    + " (InfluxDB API " + ShardlineVersion.INFLUX_API_VERSION + ")");
            return 0;
        }
    }
}
