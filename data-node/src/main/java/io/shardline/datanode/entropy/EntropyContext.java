package io.shardline.datanode.entropy;

import io.shardline.common.time.Clock;
import io.shardline.model.Hlc;

/**
 * What a comparison or a repair step works with on this node: its shards, its peers, the service's
 * state and statistics, the clock and the settle window. Immutable (the parts are thread-safe).
 */
record EntropyContext(EntropyShards shards, EntropyPeers peers, EntropyState state, EntropyStats stats, Clock clock,
                      long settleMillis) {

    /** The version cut-off now. */
    long cutoff() {
        return cutoffAt(clock.wallMillis());
    }

    /** The version cut-off at wall time {@code nowMillis}: only entries older than the settle window count. */
    long cutoffAt(long nowMillis) {
        return Hlc.minVersionAt(Math.max(0, nowMillis - settleMillis));
    }
}
