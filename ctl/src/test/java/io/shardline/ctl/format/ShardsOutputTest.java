package io.shardline.ctl.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.ctl.ParsedTable;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ShardsOutputTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long DAY = 86_400 * SECOND;
    private static final long JAN_1_2023 = 1_672_531_200L * SECOND;

    private static ClusterMetadata metadata(List<RetentionPolicyInfo> policies) {
        TreeMap<String, RetentionPolicyInfo> rps = new TreeMap<>();
        policies.forEach(p -> rps.put(p.name(), p));
        TreeMap<String, DatabaseInfo> dbs = new TreeMap<>();
        dbs.put("telegraf", new DatabaseInfo("telegraf", policies.get(0).name(), rps));
        return new ClusterMetadata(List.of(), List.of(new NodeInfo(26, "data1:8088", "data1:8086"),
                new NodeInfo(33, "data3:8088", "data3:8086")), dbs, 33, 40, 60, 9);
    }

    private static String render(ClusterMetadata md, long now, boolean includeExpired) {
        return ShardsOutput.render(ShardsOutput.rows(md, now, includeExpired, ShardsOutput.plainOwners(md)));
    }

    @Test
    void reproducesTheReferenceSample() {
        ShardGroupInfo group = new ShardGroupInfo(37, JAN_1_2023, JAN_1_2023 + 7 * DAY, 0, 0,
                List.of(new ShardInfo(51, List.of(26L, 33L))));
        ClusterMetadata md = metadata(List.of(new RetentionPolicyInfo("autogen", 181 * DAY, 7 * DAY, 2, List.of(group))));
        assertThat(render(md, JAN_1_2023 + DAY, false)).isEqualTo(""
                + "Shards\n"
                + "==========\n"
                + "ID  Database  Retention Policy  Desired Replicas  Shard Group  Start                 End                   Expires               Owners\n"
                + "51  telegraf  autogen           2                 37           2023-01-01T00:00:00Z  2023-01-08T00:00:00Z  2023-07-08T00:00:00Z  [{26 data1:8088} {33 data3:8088}]\n");
    }

    @Test
    void truncatedEndsGetAStarInfinitePoliciesNoExpiryAndRowsSortById() {
        long truncatedAt = 1_489_437_615_753_443_255L; // 2017-03-13T20:40:15.753443255Z
        long start = truncatedAt - truncatedAt % DAY;
        ShardGroupInfo hot = new ShardGroupInfo(3, start, start + DAY, truncatedAt, 0,
                List.of(new ShardInfo(7, List.of(33L)), new ShardInfo(5, List.of(26L, 99L))));
        ClusterMetadata md = metadata(List.of(new RetentionPolicyInfo("autogen", 0, DAY, 1, List.of(hot))));
        String out = render(md, start + 1, false);
        assertThat(out).contains("2017-03-13T20:40:15.753443255Z*");
        ParsedTable table = ParsedTable.parse(out, "Shards");
        assertThat(table.header()).containsExactly("ID", "Database", "Retention Policy", "Desired Replicas",
                "Shard Group", "Start", "End", "Expires", "Owners");
        assertThat(table.column("ID")).containsExactly("5", "7");
        assertThat(table.column("End")).containsOnly("2017-03-13T20:40:15.753443255Z*");
        assertThat(table.column("Expires")).containsOnly("");
        assertThat(table.row("ID", "5").get("Owners")).isEqualTo("[{26 data1:8088} {99 }]");
        assertThat(table.row("ID", "7").get("Start")).isEqualTo("2017-03-13T00:00:00Z");
    }

    @Test
    void expiredAndDeletedGroupsShowOnlyWithE() {
        ShardGroupInfo old = new ShardGroupInfo(1, JAN_1_2023, JAN_1_2023 + DAY, 0, 0,
                List.of(new ShardInfo(1, List.of(26L))));
        ShardGroupInfo deleted = new ShardGroupInfo(2, JAN_1_2023 + DAY, JAN_1_2023 + 2 * DAY, 0, JAN_1_2023 + 3 * DAY,
                List.of(new ShardInfo(2, List.of(26L))));
        ShardGroupInfo live = new ShardGroupInfo(3, JAN_1_2023 + 2 * DAY, JAN_1_2023 + 3 * DAY, 0, 0,
                List.of(new ShardInfo(3, List.of(26L))));
        ClusterMetadata md = metadata(List.of(new RetentionPolicyInfo("week", 7 * DAY, DAY, 1, List.of(old, deleted, live))));
        long now = JAN_1_2023 + 8 * DAY + 1; // group 1 expired at Jan 9 00:00
        assertThat(ParsedTable.parse(render(md, now, false), "Shards").column("ID")).containsExactly("3");
        ParsedTable all = ParsedTable.parse(render(md, now, true), "Shards");
        assertThat(all.column("ID")).containsExactly("1", "2", "3");
        assertThat(all.row("ID", "1").get("Expires")).isEqualTo("2023-01-09T00:00:00Z");
    }

    @Test
    void noShardsPrintsTheHeaderOnly() {
        ClusterMetadata md = new ClusterMetadata(List.of(), List.of(), new TreeMap<>(), 0, 0, 0, 1);
        assertThat(render(md, 0, false)).isEqualTo("Shards\n==========\n"
                + "ID  Database  Retention Policy  Desired Replicas  Shard Group  Start  End  Expires  Owners\n");
    }
}
