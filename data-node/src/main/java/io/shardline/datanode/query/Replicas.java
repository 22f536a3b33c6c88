package io.shardline.datanode.query;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.meta.model.ShardLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an operation on one owner of a shard, failing over along {@link ReplicaOrder}: an owner that is
 * unreachable, times out ({@code [cluster] dial-timeout}, {@code shard-reader-timeout}) or refuses the shard is
 * skipped for the next one; a statement error ({@code INVALID_ARGUMENT}) ends the statement. When no owner
 * answers, the error names the shard and every owner's failure. Thread-safe.
 */
public final class Replicas {

    private static final Logger LOG = LoggerFactory.getLogger(Replicas.class);

    private final LongSupplier localNodeId;
    private final OwnerQueries local;
    private final PeerQueries peers;
    private final PeerHealth health;
    private final RandomGenerator random;

    public Replicas(LongSupplier localNodeId, OwnerQueries local, PeerQueries peers, PeerHealth health,
            RandomGenerator random) {
        this.localNodeId = localNodeId;
        this.local = local;
        this.peers = peers;
        this.health = health;
        this.random = random;
    }

    /** This data node's id. */
    public long localNodeId() {
        return localNodeId.getAsLong();
    }

    /** The owners to ask for {@code shard}, in order. */
    public List<Long> order(ShardLocation shard, long onlyNode) {
        List<Long> owners = shard.shard().owners();
        if (owners.size() == 1 && onlyNode == 0) {
            return owners; // one owner: nothing to order or shuffle, no lock to take (every shard of RF 1)
        }
        synchronized (random) {
            return ReplicaOrder.order(owners, localNodeId.getAsLong(), onlyNode, health::suspect,
                    random);
        }
    }

    /** The queries of one node (this node's own, or a peer's proxy). */
    public OwnerQueries node(long nodeId) {
        return nodeId == localNodeId.getAsLong() ? local : peers.node(nodeId);
    }

    /** Whether another owner may succeed where this one failed with {@code e}. */
    static boolean failover(ShardlineException e) {
        return e.code() != ErrorCode.INVALID_ARGUMENT;
    }

    /**
     * Records the outcome of a call to {@code node} (transport failures make it a suspect) and logs a failure at
     * WARN only when the node was not a suspect already, so an outage logs once per node and window.
     */
    void record(long node, ShardlineException failure) {
        if (failure == null) {
            health.answered(node);
            return;
        }
        boolean known = health.suspect(node);
        if (failure.code() == ErrorCode.UNAVAILABLE || failure.code() == ErrorCode.TIMEOUT) {
            health.failed(node);
        }
        if (known) {
            LOG.debug("Query on node failed, using other owners node={} error=\"{}\"", node, failure.getMessage());
        } else {
            LOG.warn("Query on node failed, using other owners node={} error=\"{}\"", node, failure.getMessage());
        }
    }

    /** Runs {@code op} on the first owner of {@code shard} that answers. */
    public <T> T onShard(ShardLocation shard, long onlyNode, Function<OwnerQueries, T> op) {
        return onShard(shard, onlyNode, (node, owner) -> op.apply(owner));
    }

    /** Like {@link #onShard(ShardLocation, long, Function)}; {@code op} also gets the owner's node id. */
    public <T> T onShard(ShardLocation shard, long onlyNode, BiFunction<Long, OwnerQueries, T> op) {
        List<String> failures = new ArrayList<>();
        for (long node : order(shard, onlyNode)) {
            QueryInterrupts.check();
            try {
                T result = op.apply(node, node(node));
                record(node, null);
                return result;
            } catch (ShardlineException e) {
                QueryInterrupts.check(); // a stopped query is not retried on another owner
                if (!failover(e)) {
                    throw e;
                }
                record(node, e);
                failures.add("node " + node + ": " + e.getMessage());
            }
        }
        throw unavailable(shard, failures);
    }

    static ShardlineException unavailable(ShardLocation shard, List<String> failures) {
        String why = failures.isEmpty() ? "it has no owner" : "no owner answered (" + String.join("; ", failures) + ")";
        return new ShardlineException(ErrorCode.UNAVAILABLE, "shard " + shard.shardId() + " (db " + shard.database()
                + ", rp " + shard.retentionPolicy() + ") is unavailable: " + why);
    }
}
