package io.shardline.ctl;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code shardline ctl ...} inside the {@code shardline} command: takes every argument as it is and
 * hands it to {@link Ctl}, which parses the global flags, the verb and its flags itself (so the
 * ctl's one-line {@code Error:} reporting and exit codes hold whatever the outer command does).
 */
@Command(name = "ctl", description = "Administer the cluster like influxd-ctl (show, show-shards, remove-data,"
        + " update-data, add-meta, remove-meta, truncate-shards, ...). See 'shardline ctl -help'.")
public final class CtlLauncherCommand implements Callable<Integer> {

    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        return CtlMain.runProcess(args.toArray(String[]::new));
    }
}
