package io.shardline.launcher.drill;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checker for writers that overwrite the same points ({@code drill write --overwrite-slots}):
 * every stored value must be the one the merge rule keeps — the write with the highest HLC version,
 * equal versions broken by the greater value (storage's {@code EntryOrder} for integers) — on every
 * owner alike. For one shared series it counts, per slot (point):
 * <ul>
 *   <li>lost: an acknowledged write exists but an owner holds nothing;
 *   <li>diverged: two owners hold different values;
 *   <li>wrong_winner: a stored value loses to an acknowledged write by (version, value);
 *   <li>unverifiable: a stored value from a request whose version the client never learnt (failed or
 *       unknown), so nothing can be said against it;
 *   <li>misplaced: a value held by a node that is not an owner of the point's shard;
 *   <li>unexpected: a value no writer sent.
 * </ul>
 * The fingerprint hashes every value every owner holds, so two checks with no write in between
 * show whether anything changed (anti-entropy must not flip values back and forth).
 * Pure: built from the logs, fed each node's values. Not thread-safe.
 */
final class OverwriteCheck {

    /** What the check found. */
    record Counts(long slots, long acked, long lost, long diverged, long wrongWinner, long unverifiable,
                  long misplaced, long unexpected, long fingerprint, List<String> examples) {
        boolean ok() {
            return lost == 0 && diverged == 0 && wrongWinner == 0 && misplaced == 0 && unexpected == 0;
        }
    }

    /** The owners of the point at a time (shard of the shared series in the group of that time). */
    interface Owners {
        List<Long> of(DrillPoints points, long timeNanos);
    }

    private final DrillPoints shape;
    private final Map<Integer, List<DrillLog.Entry>> byWriter = new HashMap<>();
    /** Per slot: the best acknowledged (version, value), or null. */
    private final long[][] best;

    OverwriteCheck(List<DrillLog.Entry> entries) {
        shape = entries.get(0).points();
        best = new long[(int) shape.slots()][];
        for (DrillLog.Entry e : entries) {
            DrillPoints p = e.points();
            if (p.slots() != shape.slots() || p.baseNanos() != shape.baseNanos() || p.stepNanos() != shape.stepNanos()) {
                throw new IllegalArgumentException("overwrite writers of series " + shape.tag()
                        + " disagree on slots, base or step");
            }
            byWriter.computeIfAbsent(p.writerNo(), k -> new ArrayList<>()).add(e);
            if (e.outcome().equals("ok") && e.version() > 0) {
                for (long seq = e.firstSeq(); seq <= e.lastSeq(); seq++) {
                    int slot = (int) (seq % shape.slots());
                    long value = p.overwriteValue(seq);
                    if (beats(e.version(), value, best[slot])) {
                        best[slot] = new long[] {e.version(), value};
                    }
                }
            }
        }
        byWriter.values().forEach(l -> l.sort(Comparator.comparingLong(DrillLog.Entry::firstSeq)));
    }

    DrillPoints shape() {
        return shape;
    }

    /** Checks the values each node holds (node id to time to {@code ov}). */
    Counts check(Map<Long, Map<Long, Long>> held, Owners owners) {
        long acked = 0, lost = 0, diverged = 0, wrong = 0, unverifiable = 0, misplaced = 0, unexpected = 0;
        List<String> examples = new ArrayList<>();
        long fingerprint = 0;
        for (int slot = 0; slot < shape.slots(); slot++) {
            long time = shape.time(slot);
            List<Long> own = owners.of(shape, time);
            Set<Long> values = new HashSet<>();
            if (best[slot] != null) {
                acked++;
            }
            for (Map.Entry<Long, Map<Long, Long>> node : held.entrySet()) {
                Long v = node.getValue().get(time);
                if (v == null) {
                    if (best[slot] != null && own.contains(node.getKey())) {
                        lost++;
                        example(examples, "slot " + slot + " missing on owner " + node.getKey());
                    }
                    continue;
                }
                if (!own.contains(node.getKey())) {
                    misplaced++;
                    example(examples, "slot " + slot + " held by node " + node.getKey() + ", not an owner " + own);
                    continue;
                }
                values.add(v);
                fingerprint = fingerprint * 31 + (node.getKey() * 1_000_003L ^ slot * 7_919L ^ v);
            }
            if (values.size() > 1) {
                diverged++;
                example(examples, "slot " + slot + " differs between owners: " + describe(values));
            }
            for (long v : values) {
                DrillLog.Entry from = request(v);
                if (from == null) {
                    unexpected++;
                } else if (from.version() == 0) {
                    unverifiable++;
                } else if (best[slot] != null && beats(best[slot][0], best[slot][1], new long[] {from.version(), v})) {
                    wrong++;
                    example(examples, "slot " + slot + " holds " + describe(Set.of(v)) + " at version " + from.version()
                            + " but " + describe(Set.of(best[slot][1])) + " was acknowledged at version " + best[slot][0]);
                }
            }
        }
        return new Counts(shape.slots(), acked, lost, diverged, wrong, unverifiable, misplaced, unexpected, fingerprint,
                examples);
    }

    /** Whether (version, value) beats {@code other} ({version, value}, null = nothing). */
    static boolean beats(long version, long value, long[] other) {
        return other == null || version > other[0] || (version == other[0] && value > other[1]);
    }

    private DrillLog.Entry request(long value) {
        int writerNo = (int) (value >>> 32);
        long seq = value & 0xffffffffL;
        List<DrillLog.Entry> list = byWriter.get(writerNo);
        if (list == null) {
            return null;
        }
        int lo = 0, hi = list.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            DrillLog.Entry e = list.get(mid);
            if (seq < e.firstSeq()) {
                hi = mid - 1;
            } else if (seq > e.lastSeq()) {
                lo = mid + 1;
            } else {
                return e;
            }
        }
        return null;
    }

    private static String describe(Set<Long> values) {
        StringBuilder b = new StringBuilder();
        for (long v : values) {
            b.append(b.length() == 0 ? "" : ", ").append("w").append(v >>> 32).append(":").append(v & 0xffffffffL);
        }
        return b.toString();
    }

    private static void example(List<String> examples, String text) {
        if (examples.size() < 5) {
            examples.add(text);
        }
    }
}
