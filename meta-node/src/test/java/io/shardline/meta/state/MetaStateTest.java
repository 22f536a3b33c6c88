package io.shardline.meta.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.NodeInfo;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetaStateTest {

    @Test
    void startsEmptyAtVersionZero() {
        MetaState state = MetaState.empty();
        assertThat(state.version()).isZero();
        assertThat(state.metadata()).isEqualTo(ClusterMetadata.EMPTY);
    }

    @Test
    void versionIsTheLastAppliedLogIndexForSuccessesAndFailures() {
        MetaState state = MetaState.empty();
        MetaTransition added = state.apply(new MetaCommand.AddDataNode("d:8088", "d:8086"), 5);
        assertThat(added.state().version()).isEqualTo(5);
        MetaTransition failed = added.state().apply(new MetaCommand.RemoveDataNode(99), 9);
        assertThat(failed.result().isOk()).isFalse();
        assertThat(failed.state().version()).isEqualTo(9);
        assertThat(failed.state().metadata()).isEqualTo(added.state().metadata().withVersion(9));
    }

    @Test
    void refusesALogIndexThatIsNotAfterTheVersion() {
        MetaState state = MetaState.empty().apply(new MetaCommand.AddDataNode("d:8088", "d:8086"), 3).state();
        for (long index : new long[] {3, 2, 0}) {
            MetaTransition transition = state.apply(new MetaCommand.AddDataNode("e:8088", "e:8086"), index);
            assertThat(transition.state()).isSameAs(state);
            assertThat(transition.result()).isInstanceOf(MetaResult.Failure.class);
            assertThat(((MetaResult.Failure) transition.result()).code()).isEqualTo(ErrorCode.INTERNAL);
        }
    }

    @Test
    void sameCommandsGiveEqualStatesAndResults() {
        List<MetaCommand> commands = List.of(
                new MetaCommand.AddMetaNode("m:8089", "m:8091"),
                new MetaCommand.AddDataNode("a:8088", "a:8086"),
                new MetaCommand.AddDataNode("b:8088", "b:8086"),
                new MetaCommand.CreateDatabase("db", Optional.empty(), true),
                new MetaCommand.CreateShardGroup("db", "autogen", 1_000_000_000_000_000_000L),
                new MetaCommand.TruncateShardGroups(1_000_000_100_000_000_000L),
                new MetaCommand.CreateShardGroup("db", "autogen", 1_000_000_200_000_000_000L),
                new MetaCommand.RemoveDataNode(2));
        MetaState first = MetaState.empty();
        MetaState second = MetaState.empty();
        for (int i = 0; i < commands.size(); i++) {
            MetaTransition a = first.apply(commands.get(i), i + 1);
            MetaTransition b = second.apply(commands.get(i), i + 1);
            assertThat(a).isEqualTo(b);
            first = a.state();
            second = b.state();
        }
        // autogen RF = 2 data nodes: one shard per group, owned by both until node 2 is removed
        assertThat(first.metadata().shards()).hasSize(2)
                .allSatisfy(location -> assertThat(location.shard().owners()).containsExactly(3L));
    }

    @Test
    void resultsExposeTypedValuesAndFailuresAsExceptions() {
        MetaTransition added = MetaState.empty().apply(new MetaCommand.AddDataNode("d:8088", "d:8086"), 1);
        assertThat(added.result().value(NodeInfo.class).id()).isEqualTo(1);
        MetaResult failure = added.state().apply(new MetaCommand.RemoveMetaNode(7), 2).result();
        assertThatThrownBy(() -> failure.value(NodeInfo.class))
                .isInstanceOfSatisfying(ShardlineException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("node not found: 7");
                });
        MetaResult dropped = added.state().apply(new MetaCommand.DropDatabase("x"), 3).result();
        assertThat(dropped).isEqualTo(new MetaResult.Ok(null));
    }
}
