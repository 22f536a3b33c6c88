package io.shardline.meta.ratis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides when the leader should drop its gRPC connection to a follower and dial a fresh one.
 * Ratis keeps one connection per follower and, when an append times out, only restarts the stream
 * on it; if the network lost that connection's packets (a partition), TCP retransmits with an
 * exponential back-off that reaches tens of seconds, so a healed follower could wait that long for
 * the log (drill D12 measured 38 s). Ratis's channels carry no HTTP/2 keepalive that would notice,
 * so this rule stands in for it: a follower not heard from for {@code stallAfter} is reset, then at
 * most once per {@code stallAfter} while it stays silent. Pure (times in, decisions out); not
 * thread-safe, owned by one driver thread.
 */
final class FollowerLinks {

    private final long stallAfterMillis;
    private final Map<String, Long> lastResetAt = new HashMap<>();

    FollowerLinks(long stallAfterMillis) {
        if (stallAfterMillis < 1) {
            throw new IllegalArgumentException("stallAfter must be positive: " + stallAfterMillis);
        }
        this.stallAfterMillis = stallAfterMillis;
    }

    /**
     * The followers whose connection to reset now.
     *
     * @param silentMillis per follower id, how long since the leader last had an answer from it
     * @param nowMillis    a monotonic time
     */
    List<Reset> toReset(Map<String, Long> silentMillis, long nowMillis) {
        lastResetAt.keySet().retainAll(silentMillis.keySet());
        List<Reset> reset = new ArrayList<>();
        silentMillis.forEach((follower, silent) -> {
            if (silent < stallAfterMillis) {
                lastResetAt.remove(follower);
                return;
            }
            Long last = lastResetAt.get(follower);
            if (last == null || nowMillis - last >= stallAfterMillis) {
                lastResetAt.put(follower, nowMillis);
                reset.add(new Reset(follower, silent, last == null));
            }
        });
        reset.sort(java.util.Comparator.comparing(Reset::follower));
        return reset;
    }

    /** One reset: of which follower, silent for how long, and whether it is the first of this silence. */
    record Reset(String follower, long silentMillis, boolean first) {
    }

    /** When there is no leader role: forget every follower. */
    void clear() {
        lastResetAt.clear();
    }
}
