package io.shardline.meta.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Test driver: applies commands with increasing log indexes and offers shortcuts for common setups. */
final class MetaHarness {

    static final long HOUR = ShardGroupTimes.HOUR;
    static final long DAY = ShardGroupTimes.DAY;
    static final long WEEK = ShardGroupTimes.WEEK;

    private MetaState state = MetaState.empty();
    private long index;

    /** A cluster with three meta nodes (ids 1..3) and {@code dataNodes} data nodes (ids 4..). */
    static MetaHarness cluster(int dataNodes) {
        MetaHarness harness = new MetaHarness();
        for (int i = 1; i <= 3; i++) {
            harness.ok(new MetaCommand.AddMetaNode("meta" + i + ":8089", "meta" + i + ":8091"));
        }
        for (int i = 1; i <= dataNodes; i++) {
            harness.addDataNode("data" + i);
        }
        return harness;
    }

    MetaResult run(MetaCommand command) {
        MetaTransition transition = state.apply(command, ++index);
        state = transition.state();
        assertThat(state.version()).isEqualTo(index);
        return transition.result();
    }

    Object ok(MetaCommand command) {
        MetaResult result = run(command);
        assertThat(result).as("result of %s", command).isInstanceOf(MetaResult.Ok.class);
        return ((MetaResult.Ok) result).value();
    }

    <T> T ok(MetaCommand command, Class<T> type) {
        return type.cast(ok(command));
    }

    <T> List<T> okList(MetaCommand command, Class<T> elementType) {
        MetaResult result = run(command);
        assertThat(result).as("result of %s", command).isInstanceOf(MetaResult.Ok.class);
        return result.values(elementType);
    }

    /** Applies a command that must fail, checks that only the version changed, returns the failure. */
    MetaResult.Failure fail(MetaCommand command) {
        ClusterMetadata before = meta();
        MetaResult result = run(command);
        assertThat(result).as("result of %s", command).isInstanceOf(MetaResult.Failure.class);
        assertThat(meta()).isEqualTo(before.withVersion(index));
        return (MetaResult.Failure) result;
    }

    ClusterMetadata meta() {
        return state.metadata();
    }

    MetaState state() {
        return state;
    }

    long index() {
        return index;
    }

    long addDataNode(String host) {
        return ok(new MetaCommand.AddDataNode(host + ":8088", host + ":8086"), NodeInfo.class).id();
    }

    void createDatabase(String name) {
        ok(new MetaCommand.CreateDatabase(name, Optional.empty(), true));
    }

    RetentionPolicyInfo createPolicy(String db, String name, long duration, int replicaN, long shardDuration,
                                     boolean makeDefault) {
        RetentionPolicySpec spec = RetentionPolicySpec.of(name, duration, replicaN, shardDuration);
        return ok(new MetaCommand.CreateRetentionPolicy(db, spec, makeDefault), RetentionPolicyInfo.class);
    }

    /** A database {@code db} whose only policy {@code rp} (default) has 1h groups, infinite duration. */
    void hourlyDatabase(String db, String rp, int replicaN) {
        ok(new MetaCommand.CreateDatabase(db, Optional.empty(), false));
        createPolicy(db, rp, 0, replicaN, HOUR, true);
    }

    ShardGroupInfo createGroup(String db, String rp, long t) {
        return ok(new MetaCommand.CreateShardGroup(db, rp, t), ShardGroupInfo.class);
    }

    RetentionPolicyInfo policy(String db, String rp) {
        return meta().retentionPolicy(db, rp).orElseThrow();
    }

    static MetaCommand.AlterRetentionPolicy alter(String db, String rp, OptionalLong duration, OptionalInt replicaN,
                                                  OptionalLong shardDuration) {
        return new MetaCommand.AlterRetentionPolicy(db, rp, Optional.empty(), duration, replicaN, shardDuration,
                false);
    }
}
