package io.shardline.datanode.entropy;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import io.shardline.storage.ShardStore;
import io.shardline.storage.Tombstone;
import io.shardline.storage.patch.Patch;
import io.shardline.storage.patch.PatchVisitor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded simulation of anti-entropy (Kafka's RaftEventSimulationTest shape): five data nodes with
 * in-memory shards of RF 1, 2 and 3, a fake network, writes and deletes through a simulated write
 * path with hinted handoff, random crashes and restarts (the repair queue reloads from disk),
 * partitions, hinted-handoff purges, and anti-entropy passes with repairs along the way. After every
 * step: no node holds a value nobody wrote, and every pushed patch costs at most twice the bytes of
 * the values in it that differ from the receiver's, plus a fixed overhead per patch, series and
 * tombstone. At the end, once the network heals: every owner of every shard holds exactly the
 * values that reached some owner and that no delivered tombstone deletes (nothing lost, nothing
 * deleted comes back), with equal digests. Prints its seed; {@code -Dsim.seed=} replays one,
 * {@code -Dsim.steps=} lengthens it.
 */
class EntropySimulationTest {

    private static final Map<Long, List<Long>> OWNERS = Map.of(
            1L, List.of(4L, 5L), 2L, List.of(6L, 7L), 3L, List.of(4L, 6L, 8L), 4L, List.of(5L, 7L, 8L), 5L, List.of(8L));
    private static final Map<Long, String> POLICIES = Map.of(
            1L, "two", 2L, "two", 3L, "three", 4L, "three", 5L, "one");
    private static final long[] NODES = {4, 5, 6, 7, 8};
    private static final long[] SHARDS = {1, 2, 3, 4, 5};

    @TempDir
    Path dir;

    private final List<String> violations = new ArrayList<>();
    private long patches;
    private long patchBytes;
    private long diffBytes;

    @Test
    void replicasConvergeWithNothingLostAndNothingDeletedBroughtBack() {
        long seed = Long.getLong("sim.seed", 20261206L);
        int steps = Integer.getInteger("sim.steps", 400);
        System.out.println("EntropySimulationTest seed=" + seed + " steps=" + steps);
        Random rnd = new Random(seed);
        SimEntropyCluster c = new SimEntropyCluster(SimEntropyCluster.config(Duration.ofSeconds(10), true, 256L << 20, 4),
                true, dir, OWNERS, POLICIES, NODES);
        c.patchObserver = this::checkPatch;
        SimWorkload w = new SimWorkload(c, rnd);
        for (int step = 0; step < steps; step++) {
            c.clock.advanceMillis(rnd.nextInt(3_000));
            long node = NODES[rnd.nextInt(NODES.length)];
            int dice = rnd.nextInt(100);
            if (dice < 55) {
                if (c.node(node).up) {
                    w.write(node, SHARDS[rnd.nextInt(SHARDS.length)], 1 + rnd.nextInt(12),
                            SimEntropyCluster.T0 - 2 * SimEntropyCluster.HOUR, 4 * SimEntropyCluster.HOUR);
                }
            } else if (dice < 60) {
                if (c.node(node).up) {
                    long from = SimEntropyCluster.T0 - 2 * SimEntropyCluster.HOUR
                            + rnd.nextInt(4 * 3600) * 1_000_000_000L;
                    w.delete(node, SHARDS[rnd.nextInt(SHARDS.length)], from, from + rnd.nextInt(1800) * 1_000_000_000L);
                }
            } else if (dice < 64) {
                c.crash(node);
            } else if (dice < 70) {
                if (!c.node(node).up) {
                    c.restart(node);
                }
            } else if (dice < 74) {
                long other = NODES[rnd.nextInt(NODES.length)];
                if (other != node) {
                    c.cut(node, other);
                }
            } else if (dice < 79) {
                c.cuts.clear();
            } else if (dice < 85) {
                w.replayHandoff();
            } else if (dice < 88) {
                w.purgeRandomQueue();
            } else {
                if (c.node(node).up) {
                    c.node(node).ae.runPass(SimEntropyCluster.DIRECT);
                }
                c.drain();
            }
            checkNoInventedValues(c, w, seed, step);
            assertThat(violations).as("seed %d step %d", seed, step).isEmpty();
        }
        // Heal everything; hinted handoff delivers what it still holds, anti-entropy the rest.
        c.cuts.clear();
        for (long n : NODES) {
            if (!c.node(n).up) {
                c.restart(n);
            }
        }
        w.replayHandoff();
        c.clock.advance(Duration.ofSeconds(11));
        int rounds = 0;
        while (!allConverged(c) && rounds < 8) {
            c.clock.advance(Duration.ofSeconds(31));
            c.passAll();
            c.drain();
            rounds++;
        }
        for (long shard : SHARDS) {
            Map<SimWorkload.Key, Long> expected = w.expected(shard);
            for (long owner : c.view.shards().owners(shard)) {
                ShardStore s = c.node(owner).store(shard);
                assertThat(SimWorkload.actual(shard, s)).as("seed %d shard %d owner %d after %d rounds", seed, shard,
                        owner, rounds).isEqualTo(expected);
            }
            assertThat(c.converged(shard) || c.view.shards().owners(shard).size() == 1).as("seed %d shard %d roots %s",
                    seed, shard, c.roots(shard)).isTrue();
        }
        assertThat(violations).as("seed %d", seed).isEmpty();
        System.out.printf("EntropySimulationTest seed=%d writes=%d deletes=%d finalRounds=%d patches=%d patchBytes=%d"
                + " differingValueBytes=%d%n", seed, w.writes, w.deletes, rounds, patches, patchBytes, diffBytes);
    }

    private static boolean allConverged(SimEntropyCluster c) {
        for (long shard : SHARDS) {
            if (c.view.shards().owners(shard).size() > 1 && !c.converged(shard)) {
                return false;
            }
        }
        return true;
    }

    /** Every visible value on every node was written by someone at that version. */
    private void checkNoInventedValues(SimEntropyCluster c, SimWorkload w, long seed, int step) {
        for (long shard : SHARDS) {
            for (long owner : c.view.shards().owners(shard)) {
                SimWorkload.actual(shard, c.node(owner).store(shard)).forEach((k, v) -> {
                    Long newest = w.delivered.get(k);
                    if (newest == null || v > newest) {
                        violations.add("seed " + seed + " step " + step + ": node " + owner + " holds " + k + "@" + v
                                + " that nobody wrote");
                    }
                });
            }
        }
    }

    /**
     * A patch costs at most 2x the raw bytes of its values that differ from the receiver's (absent
     * there or at another version), plus 256 bytes, 48 per series and 64 per tombstone.
     */
    private void checkPatch(SimEntropyCluster.Node receiver, long shard, Patch patch) {
        long[] differing = {0};
        Set<SeriesKey> series = new HashSet<>();
        Map<SimWorkload.Key, Long> theirs = SimWorkload.actual(shard, receiver.store(shard));
        patch.accept(new PatchVisitor() {
            @Override
            public void tombstone(Tombstone tombstone) {
            }

            @Override
            public void entry(SeriesKey s, String field, FieldType type, long ts, long version, long bits, String str) {
                series.add(s);
                Long v = theirs.get(new SimWorkload.Key(shard, s, field, ts));
                if (v == null || v != version) {
                    differing[0] += PatchBytes.valueBytes(type, str);
                }
            }
        });
        long allowed = 2 * differing[0] + 256 + 48L * series.size() + 64L * patch.tombstones();
        patches++;
        patchBytes += patch.sizeBytes();
        diffBytes += differing[0];
        if (patch.sizeBytes() > allowed) {
            violations.add("patch of " + patch.sizeBytes() + " bytes for " + differing[0] + " differing value bytes, "
                    + series.size() + " series, " + patch.tombstones() + " tombstones (allowed " + allowed + ")");
        }
    }
}
