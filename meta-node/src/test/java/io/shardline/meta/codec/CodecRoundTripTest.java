package io.shardline.meta.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.rpc.RpcErrors;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.ContinuousQueryInfo;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.LeaseInfo;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import io.shardline.meta.model.UserInfo;
import io.shardline.common.auth.Privilege;
import io.shardline.meta.rpc.MetadataCodec;
import io.shardline.meta.state.MetaCommand;
import io.shardline.meta.state.MetaResult;
import io.shardline.meta.state.RetentionPolicySpec;
import io.shardline.proto.meta.MetaCommandEnvelope;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command, the metadata, results and errors survive encoding and decoding unchanged. */
class CodecRoundTripTest {

    static Stream<MetaCommand> commands() {
        return Stream.of(
                new MetaCommand.CreateDatabase("db", Optional.empty(), true),
                new MetaCommand.CreateDatabase("db", Optional.of(RetentionPolicySpec.of("rp", 3_600_000_000_000L, 2, 0)), false),
                new MetaCommand.CreateDatabase("db", Optional.of(RetentionPolicySpec.named("")), true),
                new MetaCommand.DropDatabase("db"),
                new MetaCommand.CreateRetentionPolicy("db", new RetentionPolicySpec("rp", OptionalLong.of(0),
                        OptionalInt.empty(), 86_400_000_000_000L), true),
                new MetaCommand.AlterRetentionPolicy("db", "rp", Optional.of("rp2"), OptionalLong.of(7),
                        OptionalInt.of(3), OptionalLong.empty(), true),
                new MetaCommand.AlterRetentionPolicy("db", "rp", Optional.empty(), OptionalLong.empty(),
                        OptionalInt.empty(), OptionalLong.of(0), false),
                new MetaCommand.DropRetentionPolicy("db", "rp"),
                new MetaCommand.CreateShardGroup("db", "rp", -5),
                new MetaCommand.DeleteShardGroup("db", "rp", 9, 123),
                new MetaCommand.TruncateShardGroups(456),
                new MetaCommand.EnforceRetention(789),
                new MetaCommand.PrecreateShardGroups(10, 20),
                new MetaCommand.PruneShardGroups(30),
                new MetaCommand.AddDataNode("d:8088", "d:8086"),
                new MetaCommand.RemoveDataNode(4),
                new MetaCommand.UpdateDataNode("a:8088", "b:8088", ""),
                new MetaCommand.AddMetaNode("m:8089", "m:8091"),
                new MetaCommand.RemoveMetaNode(2),
                new MetaCommand.AddShardOwner(11, 5),
                new MetaCommand.RemoveShardOwner(11, 5),
                new MetaCommand.CreateUser("bob", "$2a$10$hash", true),
                new MetaCommand.DropUser("bob"),
                new MetaCommand.UpdateUserPassword("bob", "$2a$10$other"),
                new MetaCommand.SetUserPrivilege("bob", "db", Privilege.WRITE, true),
                new MetaCommand.SetUserPrivilege("bob", "db", Privilege.NO_PRIVILEGES, false),
                new MetaCommand.SetUserAdmin("bob", false),
                new MetaCommand.CreateContinuousQuery("db", "cq", "CREATE CONTINUOUS QUERY cq ON db BEGIN END"),
                new MetaCommand.DropContinuousQuery("db", "cq"),
                new MetaCommand.RecordContinuousQueryRun("db", "cq", 4, 60, 61),
                new MetaCommand.AcquireLease("continuous_querier", 5, 100, 60_000_000_000L));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandRoundTrips(MetaCommand command) {
        assertThat(MetaCommandCodec.decode(MetaCommandCodec.encode(command))).isEqualTo(command);
    }

    @Test
    void unknownFormatIsRefused() {
        byte[] future = MetaCommandEnvelope.newBuilder().setVersion(2).build().toByteArray();
        assertThatThrownBy(() -> MetaCommandCodec.decode(future)).isInstanceOf(ShardlineException.class)
                .satisfies(e -> assertThat(((ShardlineException) e).code()).isEqualTo(ErrorCode.CORRUPTED));
        assertThatThrownBy(() -> MetaCommandCodec.decode(new byte[] {(byte) 0xff}))
                .isInstanceOf(ShardlineException.class);
    }

    static ClusterMetadata sample() {
        ShardGroupInfo group = new ShardGroupInfo(3, 100, 200, 150, 0,
                List.of(new ShardInfo(7, List.of(4L, 5L)), new ShardInfo(8, List.of())));
        RetentionPolicyInfo rp = new RetentionPolicyInfo("autogen", 0, 604_800_000_000_000L, 2, List.of(group));
        TreeMap<String, RetentionPolicyInfo> rps = new TreeMap<>();
        rps.put("autogen", rp);
        TreeMap<String, DatabaseInfo> dbs = new TreeMap<>();
        dbs.put("telegraf", new DatabaseInfo("telegraf", "autogen", rps, List.of(
                new ContinuousQueryInfo("z", "CREATE CONTINUOUS QUERY z ON telegraf BEGIN END", 0),
                new ContinuousQueryInfo("a", "CREATE CONTINUOUS QUERY a ON telegraf BEGIN END", 120))));
        dbs.put("empty", DatabaseInfo.empty("empty"));
        return new ClusterMetadata(List.of(new NodeInfo(1, "m1:8089", "m1:8091")),
                List.of(new NodeInfo(4, "d1:8088", "d1:8086"), new NodeInfo(5, "d2:8088", "d2:8086")), dbs, 5, 3, 8, 42,
                List.of(UserInfo.of("zed", "$2a$10$z", false).withPrivilege("telegraf", Privilege.READ)
                        .withPrivilege("empty", Privilege.NO_PRIVILEGES), UserInfo.of("admin", "$2a$10$a", true)),
                List.of(new LeaseInfo("continuous_querier", 4, 99)));
    }

    @Test
    void metadataRoundTrips() {
        ClusterMetadata m = sample();
        assertThat(MetadataCodec.decode(MetadataCodec.encode(m))).isEqualTo(m);
        assertThat(MetadataCodec.decode(MetadataCodec.encode(m)).users()).extracting(UserInfo::name)
                .containsExactly("zed", "admin");
        assertThat(MetadataCodec.decode(MetadataCodec.encode(ClusterMetadata.EMPTY))).isEqualTo(ClusterMetadata.EMPTY);
    }

    @Test
    void resultsRoundTrip() {
        ClusterMetadata m = sample();
        ShardGroupInfo group = m.shardGroupAt("telegraf", "autogen", 120).orElseThrow();
        for (Object value : new Object[] {null, m.database("telegraf").orElseThrow(),
                m.retentionPolicy("telegraf", "autogen").orElseThrow(), group, List.of(group), List.of(),
                m.dataNodes().get(0), group.shards().get(0), m.users().get(0), m.leases().get(0)}) {
            MetaResult ok = new MetaResult.Ok(value);
            MetaResult decoded = MetaResultCodec.decode(MetaResultCodec.encode(ok));
            if (value instanceof List<?> list && list.isEmpty()) {
                assertThat(((MetaResult.Ok) decoded).value()).isEqualTo(List.of());
            } else {
                assertThat(decoded).isEqualTo(ok);
            }
        }
        MetaResult failure = new MetaResult.Failure(ErrorCode.NOT_FOUND, "database not found: x");
        assertThat(MetaResultCodec.decode(MetaResultCodec.encode(failure))).isEqualTo(failure);
    }

    @Test
    void errorsCrossGrpcWithCodeAndExactMessage() {
        ShardlineException sent = new ShardlineException(ErrorCode.ALREADY_EXISTS, "retention policy already exists");
        ShardlineException received = RpcErrors.fromStatus(RpcErrors.toStatus(sent));
        assertThat(received.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
        assertThat(received.getMessage()).isEqualTo("retention policy already exists");
        assertThat(RpcErrors.toStatus(sent).getStatus().getCode().value()).isEqualTo(ErrorCode.ALREADY_EXISTS.grpcCode());
        assertThat(RpcErrors.fromStatus(io.grpc.Status.UNAVAILABLE.asRuntimeException())).isNull();
    }
}
