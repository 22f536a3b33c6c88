package io.shardline.datanode.entropy;

import io.shardline.meta.model.ShardLocation;
import io.shardline.storage.SeriesRange;
import io.shardline.storage.ShardStore;
import io.shardline.storage.digest.DiffResult;
import io.shardline.storage.digest.Digest;
import io.shardline.storage.digest.DigestCodec;
import io.shardline.storage.digest.DigestDiff;
import io.shardline.storage.digest.PresenceCodec;
import io.shardline.storage.digest.RangeListCodec;
import io.shardline.storage.digest.RowDigest;
import io.shardline.storage.digest.RowDigestCodec;
import io.shardline.storage.patch.Patch;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One step of a repair chain on this node: diff the local shard with its successor's at the
 * settle-window cut-off, narrow the buckets both hold but differently by exchanging row timestamps
 * ({@link PresenceLevel}: rows only one side holds are found without a row hash on the wire) and,
 * where the rows both hold differ, slot digests (8, then 64 per bucket) and row digests (the local
 * side of each computed while the peer computes its own); export a patch of exactly the rows that
 * differ (with every tombstone, once, when the tombstone sets differ), and push it in chunks with
 * the path so far; the last message makes the successor continue the chain, with a
 * {@link RepairHint} of what it holds that this node lacks when its next hop comes straight back
 * (RF 2), so that step pushes without comparing again. A step with nothing to send still tells the
 * successor to continue (as Enterprise 1.7.7 always forwards). Stops early, to resume next pass,
 * when the pass's patch bytes run out. Blocking; one step per shard at a time.
 */
final class RepairStep {

    private static final Logger LOG = LoggerFactory.getLogger(RepairStep.class);
    /**
     * Slots per bucket at each narrowing level, then rows (0): 7.5 min, then 56.25 s slots for hourly
     * buckets. A fan-out of 8 keeps the slot hashes exchanged for scattered differences small.
     */
    static final long[] SLOTS_PER_BUCKET = {8, 64, 0};
    /** Largest patch sent in one message. */
    static final int MAX_CHUNK_BYTES = 8 << 20;
    /** Most ranges exported into one patch or asked for in one row-digest request. */
    static final int MAX_RANGES_PER_CALL = 2048;
    /** Most buckets whose rows one presence request covers (bounds the rows held in memory). */
    static final int MAX_BUCKETS_PER_PRESENCE = 512;

    /** What a step did. */
    record Outcome(RepairQueue.Result result, long target, int ranges, long patchBytes, long valueBytes,
                   long merged) {
    }

    private final EntropyContext context;

    RepairStep(EntropyContext context) {
        this.context = context;
    }

    Outcome run(ShardLocation location, List<Long> order, RepairJob job) {
        long id = location.shardId();
        long self = context.shards().self();
        List<Long> path = RepairChain.pathForPush(job.visited(), self);
        long target = OwnerOrder.successor(order, self);
        if (target < 0 || RepairChain.remaining(path, order.size()) == 0) {
            return new Outcome(RepairQueue.Result.DONE, -1, 0, 0, 0, 0);
        }
        ShardStore local = context.shards().owned(id);
        if (job.hintFrom() == target && !job.hint().isEmpty()) {
            // The target compared the shard with this node a moment ago: push what it found it lacks.
            return push(local, id, target, path, job.hint().ranges(), job.hint().tombstones(), RepairHint.NONE);
        }
        long cutoff = context.cutoff();
        CompletableFuture<Digest> mineLater = CompletableFuture.supplyAsync(() -> local.digest(cutoff));
        byte[] remoteBytes = context.peers().digest(target, id, cutoff);
        context.stats().add("bytesRx", remoteBytes.length);
        Digest remote = DigestCodec.decode(remoteBytes);
        Digest mine = Async.join(mineLater);
        DiffResult diff = DigestDiff.diff(mine, remote);
        List<SeriesRange> ranges = new ArrayList<>();
        List<SeriesRange> theirs = new ArrayList<>();
        if (!diff.isEmpty()) {
            DiffNarrowing.Buckets buckets = DiffNarrowing.buckets(diff, mine, remote);
            ranges.addAll(buckets.localOnly());
            theirs.addAll(buckets.remoteOnly());
            DiffNarrowing.Rows present = presence(local, target, id, buckets.both(), cutoff, mine.bucketNanos());
            ranges.addAll(present.send());
            theirs.addAll(present.theirs());
            List<SeriesRange> narrowing = present.narrow();
            for (long perBucket : SLOTS_PER_BUCKET) {
                if (narrowing.isEmpty()) {
                    break;
                }
                long resolution = perBucket == 0 ? 1 : Math.max(1, mine.bucketNanos() / perBucket);
                DiffNarrowing.Rows rows = narrow(local, target, id, narrowing, cutoff, resolution);
                ranges.addAll(rows.send());
                theirs.addAll(rows.theirs());
                narrowing = rows.narrow();
            }
        }
        // The target pushes back next (RF 2): tell it what it holds that this node lacks.
        boolean wantHint = order.size() == 2
                && RepairChain.continuesAfter(RepairChain.received(path, target), order.size());
        RepairHint hint = wantHint ? new RepairHint(theirs, diff.tombstonesDiffer()) : RepairHint.NONE;
        return push(local, id, target, path, ranges, diff.tombstonesDiffer(), hint);
    }

    /**
     * The presence level over the differing {@code buckets} (whole buckets, by series): what only this
     * node holds (send), what only the target holds (theirs), and what both hold differently or was
     * not worth a presence request (narrow further).
     */
    private DiffNarrowing.Rows presence(ShardStore local, long target, long id, List<SeriesRange> buckets, long cutoff,
                                        long bucketNanos) {
        List<SeriesRange> send = new ArrayList<>();
        List<SeriesRange> narrow = new ArrayList<>();
        List<SeriesRange> back = new ArrayList<>();
        for (int from = 0; from < buckets.size(); from += MAX_BUCKETS_PER_PRESENCE) {
            List<SeriesRange> part = DiffNarrowing.joined(
                    buckets.subList(from, Math.min(buckets.size(), from + MAX_BUCKETS_PER_PRESENCE)));
            PresenceLevel.Ask ask = PresenceLevel.ask(local.rowDigest(part, cutoff, 1));
            narrow.addAll(ask.slots());
            if (ask.request().ranges().isEmpty()) {
                continue;
            }
            byte[] request = PresenceCodec.encodeRequest(ask.request());
            byte[] answer = context.peers().presence(target, id, request, cutoff, bucketNanos);
            context.stats().add("bytesTx", request.length);
            context.stats().add("bytesRx", answer.length);
            DiffNarrowing.Rows rows = PresenceLevel.compare(ask.mine(),
                    PresenceCodec.decodeAnswer(answer, ask.request().ranges()), bucketNanos);
            send.addAll(rows.send());
            narrow.addAll(rows.narrow());
            back.addAll(rows.theirs());
        }
        return new DiffNarrowing.Rows(send, narrow, back);
    }

    /** Row digests of {@code ranges} on both sides at {@code resolution}, compared. */
    private DiffNarrowing.Rows narrow(ShardStore local, long target, long id, List<SeriesRange> ranges, long cutoff,
                                      long resolution) {
        List<SeriesRange> send = new ArrayList<>();
        List<SeriesRange> narrow = new ArrayList<>();
        List<SeriesRange> back = new ArrayList<>();
        for (int from = 0; from < ranges.size(); from += MAX_RANGES_PER_CALL) {
            List<SeriesRange> part = ranges.subList(from, Math.min(ranges.size(), from + MAX_RANGES_PER_CALL));
            CompletableFuture<RowDigest> mineLater = CompletableFuture.supplyAsync(() ->
                    local.rowDigest(part, cutoff, resolution));
            byte[] request = RangeListCodec.encode(part);
            byte[] theirs = context.peers().rowDigest(target, id, request, cutoff, resolution);
            context.stats().add("bytesTx", request.length);
            context.stats().add("bytesRx", theirs.length);
            RowDigest mine = Async.join(mineLater);
            DiffNarrowing.Rows rows = DiffNarrowing.rows(mine, RowDigestCodec.decode(theirs));
            send.addAll(rows.send());
            narrow.addAll(rows.narrow());
            back.addAll(rows.theirs());
        }
        return new DiffNarrowing.Rows(send, narrow, back);
    }

    private Outcome push(ShardStore local, long id, long target, List<Long> path, List<SeriesRange> ranges,
                         boolean tombstonesDiffer, RepairHint hint) {
        if (!hint.isEmpty()) {
            context.stats().add("bytesTx", hint.rangeBytes().length + 1);
        }
        if (ranges.isEmpty() && !tombstonesDiffer) {
            context.peers().applyPatch(target, id, null, path, true, hint);
            return new Outcome(RepairQueue.Result.DONE, target, 0, 0, 0, 0);
        }
        Deque<List<SeriesRange>> groups = new ArrayDeque<>();
        for (int from = 0; from < ranges.size(); from += MAX_RANGES_PER_CALL) {
            groups.add(ranges.subList(from, Math.min(ranges.size(), from + MAX_RANGES_PER_CALL)));
        }
        if (groups.isEmpty()) {
            groups.add(List.of()); // tombstones only
        }
        long patchBytes = 0;
        long valueBytes = 0;
        long merged = 0;
        boolean tombstonesSent = false;
        while (!groups.isEmpty()) {
            List<SeriesRange> group = groups.removeFirst();
            Patch patch = local.exportPatch(group, tombstonesDiffer && !tombstonesSent);
            if (patch.sizeBytes() > MAX_CHUNK_BYTES && group.size() > 1) {
                groups.addFirst(group.subList(group.size() / 2, group.size()));
                groups.addFirst(group.subList(0, group.size() / 2));
                continue;
            }
            if (!context.state().tryConsume(patch.sizeBytes())) {
                LOG.info("Repair paused until the next pass: max-repair-bytes-per-pass reached shard={} target={}"
                        + " patchBytes={}", id, target, patchBytes);
                return new Outcome(RepairQueue.Result.PAUSED, target, ranges.size(), patchBytes, valueBytes, merged);
            }
            long raw = PatchBytes.rawValueBytes(patch);
            boolean last = groups.isEmpty();
            ApplyOutcome out = context.peers().applyPatch(target, id, patch, path, last, last ? hint : RepairHint.NONE);
            tombstonesSent |= patch.tombstones() > 0;
            patchBytes += patch.sizeBytes();
            valueBytes += raw;
            merged += out.merged();
            context.stats().add("bytesTx", patch.sizeBytes());
            context.stats().add("patchBytesTx", patch.sizeBytes());
            context.stats().add("bytesDiff", raw);
        }
        return new Outcome(RepairQueue.Result.DONE, target, ranges.size(), patchBytes, valueBytes, merged);
    }
}
