package io.shardline.ctl.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.ctl.ParsedTable;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class VerboseOwnerListTest {

    /** 2020-04-28 13:59:50.022558549 -0400 EDT, the reference's show-shards -v sample. */
    private static final long MODIFIED = 1_588_096_790_022_558_549L;

    @Test
    void reproducesTheReferenceSample() {
        assertThat(VerboseOwnerList.format(List.of(new OwnerDetail(4, "localhost:8188", "hot", MODIFIED, 1_784_222, "")),
                ZoneId.of("America/New_York")))
                .isEqualTo("[{4 localhost:8188 hot 2020-04-28 13:59:50.022558549 -0400 EDT 1784222 <nil>}]");
    }

    @Test
    void aMissingReplicaHasGosZeroTimeAndItsError() {
        String cell = VerboseOwnerList.format(List.of(
                new OwnerDetail(4, "data1:8088", "cold", MODIFIED, 1_949_209, ""),
                new OwnerDetail(5, "data2:8088", "missing", 0, 0, "shard 12 not found on data node data2:8088")),
                ZoneOffset.UTC);
        assertThat(cell).isEqualTo("[{4 data1:8088 cold 2020-04-28 17:59:50.022558549 +0000 UTC 1949209 <nil>}"
                + " {5 data2:8088 missing 0001-01-01 00:00:00 +0000 UTC 0 shard 12 not found on data node data2:8088}]");
        assertThat(VerboseOwnerList.format(List.of(), ZoneOffset.UTC)).isEqualTo("[]");
    }

    @Test
    void isTheOwnersColumnOfShowShards() {
        long day = 86_400_000_000_000L;
        long jan1 = 1_672_531_200_000_000_000L;
        ShardGroupInfo group = new ShardGroupInfo(37, jan1, jan1 + 7 * day, 0, 0,
                List.of(new ShardInfo(51, List.of(26L, 33L))));
        RetentionPolicyInfo rp = new RetentionPolicyInfo("autogen", 0, 7 * day, 2, List.of(group));
        TreeMap<String, RetentionPolicyInfo> rps = new TreeMap<>();
        rps.put("autogen", rp);
        TreeMap<String, DatabaseInfo> dbs = new TreeMap<>();
        dbs.put("telegraf", new DatabaseInfo("telegraf", "autogen", rps));
        ClusterMetadata md = new ClusterMetadata(List.of(), List.of(new NodeInfo(26, "data1:8088", "data1:8086"),
                new NodeInfo(33, "data3:8088", "data3:8086")), dbs, 33, 40, 60, 9);
        String out = ShardsOutput.render(ShardsOutput.rows(md, jan1 + day, false, location -> VerboseOwnerList.format(
                List.of(new OwnerDetail(26, "data1:8088", "hot", MODIFIED, 10, ""),
                        new OwnerDetail(33, "data3:8088", "missing", 0, 0, "shard 51 not found on data node data3:8088")),
                ZoneOffset.UTC)));
        ParsedTable table = ParsedTable.parse(out, "Shards");
        assertThat(table.row("ID", "51").get("Owners")).isEqualTo("[{26 data1:8088 hot 2020-04-28 17:59:50.022558549"
                + " +0000 UTC 10 <nil>} {33 data3:8088 missing 0001-01-01 00:00:00 +0000 UTC 0 shard 51 not found on"
                + " data node data3:8088}]");
    }
}
