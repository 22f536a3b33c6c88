package io.shardline.datanode.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The golden scenario table against the query path of one data node and of three data nodes with RF 2 and
 * 1-hour shard groups (so the data spans several groups with different owners): identical expectations, with
 * every node coordinating in turn, and again with each node unreachable.
 */
class GoldenQueriesTest {

    private static final GoldenScenarios GOLDEN = GoldenScenarios.load();
    private static final long SEED = 20091110L;

    private static InMemoryQueryCluster loaded(int nodes, int rf) {
        System.out.println("seed=" + SEED);
        InMemoryQueryCluster c = new InMemoryQueryCluster(nodes, rf, SEED);
        for (String db : GOLDEN.databases()) {
            c.createDatabase(db);
            c.write(db, GOLDEN.body());
        }
        return c;
    }

    /** Runs the scenarios, the coordinator cycling through {@code coordinators}; returns the mismatches. */
    private static List<String> run(InMemoryQueryCluster c, List<GoldenScenarios.Scenario> scenarios,
            List<Long> coordinators) {
        List<String> failures = new ArrayList<>();
        int i = 0;
        for (GoldenScenarios.Scenario s : scenarios) {
            long node = coordinators.get(i++ % coordinators.size());
            String got = c.query(node, s.database(), s.query());
            if (!got.equals(s.expect())) {
                failures.add(s.name() + " (node " + node + ")\n  q:      " + s.query() + "\n  expect: " + s.expect()
                        + "\n  got:    " + got);
            }
        }
        return failures;
    }

    @Test
    void singleNodeAnswersEveryScenarioExactly() {
        assertThat(GOLDEN.scenarios()).hasSizeGreaterThan(70);
        assertThat(GOLDEN.readOnly()).hasSizeGreaterThan(60);
        try (InMemoryQueryCluster c = loaded(1, 1)) {
            assertThat(run(c, GOLDEN.scenarios(), c.nodes())).isEmpty();
        }
    }

    @Test
    void threeNodesWithReplicationTwoAnswerTheSame() {
        try (InMemoryQueryCluster c = loaded(3, 2)) {
            assertThat(c.metadata().shards().size()).as("shards over several groups").isGreaterThanOrEqualTo(4);
            assertThat(run(c, GOLDEN.scenarios(), c.nodes())).isEmpty();
        }
    }

    @Test
    void anyOneNodeDownChangesNoAnswer() {
        try (InMemoryQueryCluster c = loaded(3, 2)) {
            for (long down : c.nodes()) {
                c.setDown(down, true);
                List<Long> live = c.nodes().stream().filter(n -> n != down).toList();
                assertThat(run(c, GOLDEN.readOnly(), live)).as("node %d down", down).isEmpty();
                c.setDown(down, false);
            }
        }
    }
}
