package io.shardline.meta.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardLocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Seeded simulation: thousands of random commands applied with increasing (sometimes gapped) log
 * indexes to two states in lockstep, checking {@link MetaInvariants} after every command and that both
 * states and results stay equal (determinism). Prints its seed; re-run with {@code -Dsim.seed=<seed>}.
 */
class MetaStateSimulationTest {

    private static final int STEPS = 5_000;

    @Test
    void randomCommandSequencesKeepEveryInvariant() {
        long seed = Long.getLong("sim.seed", 20261206L);
        System.out.println("MetaStateSimulationTest seed=" + seed + " (re-run with -Dsim.seed=" + seed + ")");
        Random random = new Random(seed);
        SimulationCommands commands = new SimulationCommands(random);
        MetaState state = MetaState.empty();
        MetaState twin = MetaState.empty();
        Map<String, int[]> outcomes = new TreeMap<>();
        long index = 0;
        long shardsSeen = 0;
        Map<Long, ShardLocation> shards = Map.of();
        List<MetaCommand> bootstrap = SimulationCommands.bootstrap();
        for (int step = 1; step <= STEPS; step++) {
            index += random.nextInt(10) == 0 ? 1 + random.nextInt(3) : 1;
            MetaCommand command = step <= bootstrap.size()
                    ? bootstrap.get(step - 1)
                    : commands.next(state.metadata());
            String context = "seed=" + seed + " step=" + step + " index=" + index + " " + command;
            MetaTransition transition = state.apply(command, index);
            MetaTransition twinTransition = twin.apply(command, index);
            assertThat(twinTransition).as(context + " (determinism)").isEqualTo(transition);
            shards = MetaInvariants.check(state.metadata(), shards, command, transition, index, context);
            probeLookups(transition.state().metadata(), commands, context);
            outcomes.computeIfAbsent(command.getClass().getSimpleName(), k -> new int[2])
                    [transition.result().isOk() ? 0 : 1]++;
            state = transition.state();
            twin = twinTransition.state();
            if (step == bootstrap.size()) {
                assertThat(state.metadata().metaNodes()).map(NodeInfo::id).containsExactly(1L, 2L, 3L);
                assertThat(state.metadata().dataNodeIds()).containsExactly(4L, 5L, 6L);
            }
            shardsSeen += shards.size();
        }
        ClusterMetadata last = state.metadata();
        printSummary(seed, last, shardsSeen / STEPS, outcomes);
        assertThat(last.version()).isEqualTo(index);
        assertThat(last.maxShardGroupId()).as("the simulation should create plenty of groups").isGreaterThan(100);
        assertThat(outcomes.get("RemoveDataNode")[0]).as("data nodes removed").isPositive();
        assertThat(outcomes.get("TruncateShardGroups")[0]).as("truncations").isPositive();
    }

    private static void printSummary(long seed, ClusterMetadata last, long averageShards,
                                     Map<String, int[]> outcomes) {
        System.out.println("seed=" + seed + " final: " + last.dataNodes().size() + " data nodes, "
                + last.databases().size() + " databases, " + last.shards().size() + " shards, max ids node="
                + last.maxNodeId() + " group=" + last.maxShardGroupId() + " shard=" + last.maxShardId()
                + ", on average " + averageShards + " shards per step");
        outcomes.forEach((name, counts) -> System.out.println("  " + name + " ok=" + counts[0] + " failed=" + counts[1]));
    }

    /** Binary-search lookups agree with a linear scan at a few times near group edges. */
    private static void probeLookups(ClusterMetadata meta, SimulationCommands commands, String context) {
        Optional<RetentionPolicyInfo> policy = commands.randomPolicy(meta);
        if (policy.isEmpty()) {
            return;
        }
        for (int i = 0; i < 3; i++) {
            long t = commands.probeTime(policy.get());
            Optional<ShardGroupInfo> linear = policy.get().shardGroups().stream()
                    .filter(group -> group.contains(t)).findFirst();
            assertThat(policy.get().shardGroupAt(t)).as(context + " probe t=" + t).isEqualTo(linear);
        }
    }
}
