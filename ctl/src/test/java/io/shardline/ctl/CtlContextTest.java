package io.shardline.ctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.time.ManualClock;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The lookups data-node verbs build on, and the prompt; no node is contacted. */
class CtlContextTest {

    private final StringWriter out = new StringWriter();

    private CtlContext context(String input) {
        return new CtlContext("test", "127.0.0.1:1", Duration.ofSeconds(1), new CtlEnvironment(
                new BufferedReader(new StringReader(input)), new PrintWriter(out), new PrintWriter(new StringWriter()),
                new ManualClock()));
    }

    private static ClusterMetadata metadata() {
        TreeMap<String, RetentionPolicyInfo> rps = new TreeMap<>();
        rps.put("autogen", new RetentionPolicyInfo("autogen", 0, 10, 1,
                List.of(new ShardGroupInfo(1, 0, 10, 0, 0, List.of(new ShardInfo(31, List.of(4L)))))));
        TreeMap<String, DatabaseInfo> dbs = new TreeMap<>();
        dbs.put("db", new DatabaseInfo("db", "autogen", rps));
        return new ClusterMetadata(List.of(), List.of(new NodeInfo(4, "d1:8088", "d1:8086")), dbs, 4, 1, 31, 1);
    }

    @Test
    void findsDataNodesAndShardsOrSaysWhatIsMissing() {
        try (CtlContext ctx = context("")) {
            assertThat(ctx.dataNode(metadata(), "d1:8088").id()).isEqualTo(4);
            assertThat(ctx.shard(metadata(), 31).database()).isEqualTo("db");
            assertThatThrownBy(() -> ctx.dataNode(metadata(), "d9:8088")).isInstanceOfSatisfying(
                    ShardlineException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
                        assertThat(e.getMessage()).isEqualTo("node not found: d9:8088");
                    });
            assertThatThrownBy(() -> ctx.shard(metadata(), 99)).isInstanceOfSatisfying(ShardlineException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
                assertThat(e.getMessage()).isEqualTo("shard not found: 99");
            });
        }
    }

    @Test
    void confirmTakesOnlyYes() {
        for (String yes : List.of("y\n", "Y\n", " y \n")) {
            try (CtlContext ctx = context(yes)) {
                assertThat(ctx.confirm("Remove x [y/N]: ")).as(yes).isTrue();
            }
        }
        for (String no : List.of("", "\n", "n\n", "yes\n")) {
            try (CtlContext ctx = context(no)) {
                assertThat(ctx.confirm("Remove x [y/N]: ")).as(no).isFalse();
            }
        }
        assertThat(out.toString()).startsWith("Remove x [y/N]: Remove x [y/N]: ");
    }
}
