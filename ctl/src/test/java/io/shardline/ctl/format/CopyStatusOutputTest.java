package io.shardline.ctl.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.ctl.ParsedTable;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyStatusOutputTest {

    /** 2023-06-22 23:45:09.470696179 UTC, the reference sample's StartedAt. */
    private static final long STARTED = 1_687_477_509_470_696_179L;

    @Test
    void reproducesTheReferenceSample() {
        CopyStatusRow row = new CopyStatusRow("cluster-data-node-02:8088", "cluster-data-node-03:8088", "telegraf",
                "autogen", 34, 119_624_324, 119_624_324, STARTED);
        assertThat(CopyStatusOutput.render(List.of(row), ZoneOffset.UTC)).isEqualTo(""
                + "Source                     Dest                       Database  Policy   ShardID  TotalSize  CurrentSize  StartedAt\n"
                + "cluster-data-node-02:8088  cluster-data-node-03:8088  telegraf  autogen  34       119624324  119624324    2023-06-22 23:45:09.470696179 +0000 UTC\n");
    }

    @Test
    void oldestCopyFirstAndParsesBackIntoColumns() {
        List<CopyStatusRow> rows = List.of(
                new CopyStatusRow("d2:8088", "d3:8088", "db", "rp", 7, 2_000, 10, STARTED + 5),
                new CopyStatusRow("d1:8088", "d4:8088", "telegraf", "autogen", 12, 30, 30, STARTED));
        String out = CopyStatusOutput.render(rows, ZoneId.of("America/New_York"));
        ParsedTable table = ParsedTable.parseBlock(List.of(out.split("\n")));
        assertThat(table.header()).containsExactly("Source", "Dest", "Database", "Policy", "ShardID", "TotalSize",
                "CurrentSize", "StartedAt");
        assertThat(table.column("ShardID")).containsExactly("12", "7");
        assertThat(table.row("ShardID", "7")).containsEntry("Source", "d2:8088").containsEntry("Dest", "d3:8088")
                .containsEntry("Database", "db").containsEntry("Policy", "rp").containsEntry("TotalSize", "2000")
                .containsEntry("CurrentSize", "10")
                .containsEntry("StartedAt", "2023-06-22 19:45:09.470696184 -0400 EDT");
    }

    @Test
    void noCopyPrintsTheHeaderOnly() {
        assertThat(CopyStatusOutput.render(List.of(), ZoneOffset.UTC))
                .isEqualTo("Source  Dest  Database  Policy  ShardID  TotalSize  CurrentSize  StartedAt\n");
    }
}
