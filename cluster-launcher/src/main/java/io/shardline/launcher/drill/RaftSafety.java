package io.shardline.launcher.drill;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Raft's safety properties checked across the meta nodes' {@code /raft} histories: one leader per term
 * (election safety: no two nodes name different leaders for a term, no two nodes led the same term),
 * and one log (state-machine safety: wherever two nodes applied the same index, the term is the same,
 * and where both applied a whole run from the same starting point, so is the chained hash). A term
 * led by two nodes, or an index with two terms or hashes, means two leaders committed. Pure.
 */
final class RaftSafety {

    /** One applied run of one node. */
    record Run(long term, long first, long last, String hash) {
    }

    /** One node's history, as {@code /raft} reports it. */
    record Node(String self, String role, long term, long appliedIndex, long start, List<Run> runs,
                Map<Long, String> leaders, List<Long> ledTerms) {
    }

    /** The verdict: violations found (empty = safe) and the figures around them. */
    record Report(List<String> violations, long maxTerm, int terms, long minApplied, long maxApplied) {
        boolean safe() {
            return violations.isEmpty();
        }
    }

    private RaftSafety() {
    }

    static Report check(List<Node> nodes) {
        List<String> violations = new ArrayList<>();
        Map<Long, String> leaderOf = new TreeMap<>();
        Map<Long, String> ledBy = new HashMap<>();
        long maxTerm = 0;
        for (Node n : nodes) {
            maxTerm = Math.max(maxTerm, n.term());
            for (Map.Entry<Long, String> e : n.leaders().entrySet()) {
                String before = leaderOf.putIfAbsent(e.getKey(), e.getValue());
                if (before != null && !before.equals(e.getValue())) {
                    violations.add("term " + e.getKey() + " has two leaders: " + before + " and " + e.getValue());
                }
            }
            for (long t : n.ledTerms()) {
                String before = ledBy.putIfAbsent(t, n.self());
                if (before != null && !before.equals(n.self())) {
                    violations.add("term " + t + " was led by both " + before + " and " + n.self());
                }
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                compareLogs(nodes.get(i), nodes.get(j), violations);
            }
        }
        long min = nodes.stream().mapToLong(Node::appliedIndex).min().orElse(0);
        long max = nodes.stream().mapToLong(Node::appliedIndex).max().orElse(0);
        return new Report(violations, maxTerm, leaderOf.size(), min, max);
    }

    private static void compareLogs(Node a, Node b, List<String> violations) {
        for (Run ra : a.runs()) {
            for (Run rb : b.runs()) {
                long lo = Math.max(ra.first(), rb.first());
                long hi = Math.min(ra.last(), rb.last());
                if (lo > hi) {
                    continue;
                }
                if (ra.term() != rb.term()) {
                    violations.add("index " + lo + ".." + hi + " has term " + ra.term() + " on " + a.self() + " but term "
                            + rb.term() + " on " + b.self());
                } else if (a.start() == b.start() && ra.last() == rb.last() && !ra.hash().equals(rb.hash())) {
                    violations.add("entries up to index " + ra.last() + " (term " + ra.term() + ") differ between "
                            + a.self() + " and " + b.self());
                }
            }
        }
    }
}
