package io.shardline.meta.ratis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one meta node has seen of the Raft log since it started: the entries it applied, as runs of
 * consecutive indexes of one term with a hash chained over every entry (index, term, data), and the
 * leader it learnt of for each term (and the terms in which it was itself a leader ready to commit).
 * Two nodes whose logs agree report the same runs and hashes for the indexes both applied; a term
 * with two leaders, or one index with two terms or two hashes, is a Raft safety violation. Drills
 * read it from the status port ({@code /raft}). Thread-safe (synchronized; called by Ratis's applier
 * and event threads, read by the HTTP thread); bounded to the last {@value #MAX_RUNS} runs and terms.
 */
public final class RaftHistory {

    static final int MAX_RUNS = 1000;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** Entries {@code first..last} of one term; {@code hash} is the chain's value after {@code last}. */
    public record Run(long term, long first, long last, long hash) {
    }

    /** A copy of the history: the index before the first applied entry, the runs, term to leader, led terms. */
    public record View(long start, List<Run> runs, Map<Long, String> leaders, List<Long> ledTerms) {
    }

    private final Deque<Run> runs = new ArrayDeque<>();
    private final TreeMap<Long, String> leaders = new TreeMap<>();
    private final TreeMap<Long, Boolean> led = new TreeMap<>();
    private long start;
    private long hash = FNV_OFFSET;

    /** Starts the chain afresh after the state was loaded from a snapshot at {@code index}. */
    public synchronized void restartAt(long index) {
        runs.clear();
        start = index;
        hash = FNV_OFFSET;
    }

    /** Records one applied entry; entries arrive in index order (a gap restarts the chain there). */
    public synchronized void applied(long term, long index, byte[] data) {
        Run last = runs.peekLast();
        long previous = last == null ? start : last.last();
        if (index <= previous) {
            return; // already seen (a re-notification of the same index)
        }
        if (index != previous + 1) {
            restartAt(index - 1);
            last = null;
        }
        hash = mix(mix(mix(hash, index), term), data);
        if (last != null && last.term() == term) {
            runs.pollLast();
            runs.addLast(new Run(term, last.first(), index, hash));
        } else {
            runs.addLast(new Run(term, index, index, hash));
            if (runs.size() > MAX_RUNS) {
                runs.pollFirst();
            }
        }
    }

    /** Records the leader of a term as this node learnt it. */
    public synchronized void leader(long term, String leaderAddress) {
        leaders.put(term, leaderAddress);
        trim(leaders);
    }

    /** Records that this node became a leader ready to commit in {@code term}. */
    public synchronized void ledTerm(long term, String selfAddress) {
        led.put(term, true);
        trim(led);
        leader(term, selfAddress);
    }

    public synchronized View view() {
        return new View(start, new ArrayList<>(runs), new TreeMap<>(leaders), new ArrayList<>(led.keySet()));
    }

    private static void trim(TreeMap<Long, ?> map) {
        while (map.size() > MAX_RUNS) {
            map.pollFirstEntry();
        }
    }

    private static long mix(long h, long value) {
        for (int i = 0; i < 8; i++) {
            h = (h ^ ((value >>> (i * 8)) & 0xff)) * FNV_PRIME;
        }
        return h;
    }

    private static long mix(long h, byte[] data) {
        for (byte b : data) {
            h = (h ^ (b & 0xff)) * FNV_PRIME;
        }
        return h;
    }
}
