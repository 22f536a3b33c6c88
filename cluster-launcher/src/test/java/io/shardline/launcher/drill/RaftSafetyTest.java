package io.shardline.launcher.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RaftSafetyTest {

    private static RaftSafety.Node node(String self, Map<Long, String> leaders, List<Long> led, RaftSafety.Run... runs) {
        long applied = runs.length == 0 ? 0 : runs[runs.length - 1].last();
        return new RaftSafety.Node(self, "FOLLOWER", 3, applied, 0, List.of(runs), leaders, led);
    }

    @Test
    void agreeingHistoriesAreSafeEvenWhenOneNodeIsBehind() {
        RaftSafety.Report r = RaftSafety.check(List.of(
                node("a", Map.of(1L, "a", 2L, "b"), List.of(1L), new RaftSafety.Run(1, 1, 10, "h10"), new RaftSafety.Run(2, 11, 20, "h20")),
                node("b", Map.of(2L, "b"), List.of(2L), new RaftSafety.Run(1, 1, 10, "h10"), new RaftSafety.Run(2, 11, 20, "h20")),
                node("c", Map.of(1L, "a"), List.of(), new RaftSafety.Run(1, 1, 10, "h10"), new RaftSafety.Run(2, 11, 15, "h15"))));
        assertThat(r.violations()).isEmpty();
        assertThat(r.terms()).isEqualTo(2);
        assertThat(r.minApplied()).isEqualTo(15);
    }

    @Test
    void twoLeadersOfOneTermOrTwoLogsAreViolations() {
        RaftSafety.Report r = RaftSafety.check(List.of(
                node("a", Map.of(2L, "a"), List.of(2L), new RaftSafety.Run(1, 1, 10, "h10"), new RaftSafety.Run(2, 11, 12, "x")),
                node("b", Map.of(2L, "b"), List.of(2L), new RaftSafety.Run(1, 1, 10, "h10"), new RaftSafety.Run(3, 11, 12, "y")),
                node("c", Map.of(), List.of(), new RaftSafety.Run(1, 1, 10, "other"))));
        assertThat(r.safe()).isFalse();
        assertThat(r.violations()).anyMatch(v -> v.contains("term 2 has two leaders"))
                .anyMatch(v -> v.contains("term 2 was led by both a and b"))
                .anyMatch(v -> v.contains("index 11..12 has term 2 on a but term 3 on b"))
                .anyMatch(v -> v.contains("entries up to index 10 (term 1) differ between a and c"));
    }
}
