package io.shardline.launcher.drill;

import io.shardline.launcher.ApiConnection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code shardline drill check}: the acknowledged-write checker (Jepsen's "set" model). Reads the
 * writers' logs, reads back from EACH data node separately what it holds locally, works out every
 * point's owners from {@code SHOW SHARDS}, and reports: lost (acknowledged but absent on some
 * owner), unexpected (present but never sent), recovered (failed or unknown at the client, yet
 * present). Writers that overwrite shared points are checked by {@link OverwriteCheck} (the
 * highest-version write holds on every owner). Exit code 0 only when nothing is lost or unexpected
 * and every overwrite check holds.
 */
@Command(name = "check", description = "Check that every acknowledged drill point is on every owner.")
public final class DrillCheckCommand implements Callable<Integer> {

    @Option(names = "--log", required = true, split = ",", description = "Writer logs (comma-separated).")
    List<Path> logs;

    @Option(names = "--status-url", required = true, description = "A meta node's status URL (cluster.sh url meta1).")
    String statusUrl;

    @Option(names = "--db", description = "Database (default: ${DEFAULT-VALUE}).")
    String db = "drill";

    @Option(names = "--deleted-below", description = "Points with a seq below this were deleted: they must be"
            + " absent everywhere (counted as resurrected if found); -1 = none (default: ${DEFAULT-VALUE}).")
    long deletedBelow = -1;

    @Option(names = {"-ssl", "--ssl"}, description = "The data nodes' API is HTTPS (a secured cluster).")
    boolean ssl;

    @picocli.CommandLine.Mixin
    ApiConnection connection = new ApiConnection();

    @Override
    public Integer call() throws Exception {
        DrillCluster cluster = new DrillCluster(statusUrl, db, ssl ? "https" : "http", connection);
        Map<Long, String> nodes = cluster.dataNodes();
        Map<Long, List<DrillCluster.Shard>> groups = cluster.shards(nodes.values().iterator().next());
        Map<String, Writer> writers = new HashMap<>();
        Map<String, List<DrillLog.Entry>> overwrites = new TreeMap<>();
        readLogs(writers, overwrites);
        long acked = 0;
        long lost = 0;
        long unexpected = 0;
        long recovered = 0;
        long resurrected = 0;
        List<String> examples = new ArrayList<>();
        for (Writer w : writers.values()) {
            Map<Long, BitSet> held = new TreeMap<>();
            for (Map.Entry<Long, String> n : nodes.entrySet()) {
                held.put(n.getKey(), cluster.localSeqs(n.getValue(), n.getKey(), w.points.writer()));
            }
            BitSet anywhere = new BitSet();
            held.values().forEach(anywhere::or);
            if (deletedBelow > 0) {
                resurrected += anywhere.get(0, (int) deletedBelow).cardinality();
                w.acked.clear(0, (int) deletedBelow);
                w.attempted.clear(0, (int) deletedBelow);
                anywhere.clear(0, (int) deletedBelow);
            }
            for (int seq = w.acked.nextSetBit(0); seq >= 0; seq = w.acked.nextSetBit(seq + 1)) {
                acked++;
                for (long owner : owners(groups, w.points, seq)) {
                    BitSet h = held.get(owner);
                    if (h == null || !h.get(seq)) {
                        lost++;
                        if (examples.size() < 5) {
                            examples.add("writer=" + w.points.writer() + " seq=" + seq + " missing on node " + owner
                                    + w.describeRequest(seq));
                        }
                    }
                }
            }
            BitSet notSent = (BitSet) anywhere.clone();
            notSent.andNot(w.attempted);
            unexpected += notSent.cardinality();
            BitSet rec = (BitSet) anywhere.clone();
            rec.and(w.attempted);
            rec.andNot(w.acked);
            recovered += rec.cardinality();
        }
        boolean overwritesOk = true;
        List<String> overwriteLines = new ArrayList<>();
        for (List<DrillLog.Entry> entries : overwrites.values()) {
            OverwriteCheck ow = new OverwriteCheck(entries);
            Map<Long, Map<Long, Long>> held = new TreeMap<>();
            for (Map.Entry<Long, String> n : nodes.entrySet()) {
                held.put(n.getKey(), cluster.localOverwrites(n.getValue(), n.getKey(), ow.shape().tag()));
            }
            OverwriteCheck.Counts c = ow.check(held, (p, t) -> ownersAt(groups, p, t));
            acked += c.acked();
            lost += c.lost();
            unexpected += c.unexpected();
            overwritesOk &= c.ok();
            overwriteLines.add(String.format("overwrites series=%s slots=%d acked_slots=%d lost=%d diverged=%d wrong_winner=%d"
                    + " unverifiable=%d misplaced=%d unexpected=%d fingerprint=%x", ow.shape().tag(), c.slots(), c.acked(),
                    c.lost(), c.diverged(), c.wrongWinner(), c.unverifiable(), c.misplaced(), c.unexpected(),
                    c.fingerprint()));
            c.examples().forEach(e -> overwriteLines.add("  overwrite: " + e));
        }
        System.out.printf("acknowledged=%d lost=%d unexpected=%d recovered=%d resurrected=%d%n", acked, lost,
                unexpected, recovered, resurrected);
        examples.forEach(e -> System.out.println("  lost: " + e));
        overwriteLines.forEach(System.out::println);
        return lost == 0 && unexpected == 0 && resurrected == 0 && overwritesOk ? 0 : 1;
    }

    private static List<Long> owners(Map<Long, List<DrillCluster.Shard>> groups, DrillPoints p, long seq) {
        return ownersAt(groups, p, p.time(seq));
    }

    private static List<Long> ownersAt(Map<Long, List<DrillCluster.Shard>> groups, DrillPoints p, long t) {
        for (List<DrillCluster.Shard> shards : groups.values()) {
            DrillCluster.Shard first = shards.get(0);
            if (t >= first.start() && t < first.end()) {
                return shards.get((int) Long.remainderUnsigned(p.series().fnv64a(), shards.size())).owners();
            }
        }
        return List.of(-1L);
    }

    private void readLogs(Map<String, Writer> writers, Map<String, List<DrillLog.Entry>> overwrites)
            throws java.io.IOException {
        for (Path log : logs) {
            for (DrillLog.Entry e : DrillLog.read(log)) {
                if (e.points().overwrites()) {
                    overwrites.computeIfAbsent(e.points().tag(), k -> new ArrayList<>()).add(e);
                    continue;
                }
                Writer w = writers.computeIfAbsent(e.writer(), k -> new Writer(e.points()));
                w.attempted.set((int) e.firstSeq(), (int) e.lastSeq() + 1);
                if (e.outcome().equals("ok")) {
                    w.acked.set((int) e.firstSeq(), (int) e.lastSeq() + 1);
                    w.ackedRequests.put(e.firstSeq(), e);
                }
            }
        }
    }

    /** What one writer sent and had acknowledged. */
    private static final class Writer {
        final DrillPoints points;
        final BitSet attempted = new BitSet();
        final BitSet acked = new BitSet();
        /** Acknowledged requests by their first seq, to say which node answered a request whose points are missing. */
        final TreeMap<Long, DrillLog.Entry> ackedRequests = new TreeMap<>();

        Writer(DrillPoints points) {
            this.points = points;
        }

        /** " (seqs a..b acknowledged by host:port, sent at hh:mm:ss.SSS, answered after N ms)", or "". */
        String describeRequest(long seq) {
            Map.Entry<Long, DrillLog.Entry> r = ackedRequests.floorEntry(seq);
            if (r == null || r.getValue().lastSeq() < seq) {
                return "";
            }
            DrillLog.Entry e = r.getValue();
            return String.format(" (seqs %d..%d acknowledged by %s, sent at %s, answered after %.1f ms)", e.firstSeq(),
                    e.lastSeq(), e.coordinator(), java.time.Instant.ofEpochMilli(e.sentAtMillis())
                            .atZone(java.time.ZoneId.systemDefault()).toLocalTime(), e.latencyMillis());
        }
    }
}
