package io.shardline.ctl.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.ctl.CtlRunner;
import org.junit.jupiter.api.Test;

/** Flag rules of backup and restore, checked before any node is contacted: one Error line, exit 2. */
class BackupFlagsTest {

    private final CtlRunner ctl = new CtlRunner("-bind", "127.0.0.1:1");

    private void assertUsage(CtlRunner.Result r, String contains) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.errLines()).as(r.toString()).first().asString().startsWith("Error: ").contains(contains);
    }

    @Test
    void backupFlags() {
        assertUsage(ctl.run("backup"), "Missing required parameter");
        assertUsage(ctl.run("backup", "-strategy", "some", "d"), "invalid -strategy some");
        assertUsage(ctl.run("backup", "-rp", "autogen", "d"), "-rp requires -db");
        assertUsage(ctl.run("backup", "-start", "yesterday", "d"), "invalid -start yesterday");
        assertUsage(ctl.run("backup", "-start", "2023-01-02T00:00:00Z", "-end", "2023-01-01T00:00:00Z", "d"),
                "-start must be before -end");
        assertUsage(ctl.run("backup", "-strategy", "only-meta", "-start", "2023-01-02T00:00:00Z", "d"),
                "cannot be used with -strategy only-meta");
        assertUsage(ctl.run("backup", "-gzipCompressionLevel", "max", "d"), "invalid -gzipCompressionLevel max");
        assertUsage(ctl.run("backup", "-from", "nohost", "d"), "has no port");
        assertThat(ctl.run("backup", "-help").out()).contains("-strategy", "-estimate", "-from", "-start", "-end",
                "-shard", "-db", "-rp");
    }

    @Test
    void restoreFlags() {
        assertUsage(ctl.run("restore"), "Missing required parameter");
        assertUsage(ctl.run("restore", "-newdb", "x", "d"), "-newdb requires -db");
        assertUsage(ctl.run("restore", "-db", "a", "-newrp", "x", "d"), "-newrp requires -rp");
        assertUsage(ctl.run("restore", "-rp", "autogen", "d"), "-rp requires -db");
        assertUsage(ctl.run("restore", "-db", "a", "-newduration", "1h", "d"), "-newduration requires -rp");
        assertUsage(ctl.run("restore", "-newshard", "3", "d"), "-newshard requires -shard");
        assertUsage(ctl.run("restore", "-db", "a", "-rp", "b", "-newduration", "soon", "d"), "invalid -newduration soon");
        assertThat(ctl.run("restore", "-help").out()).contains("-full", "-list", "-newdb", "-newrp", "-newrf",
                "-newduration", "-newshard");
    }
}
