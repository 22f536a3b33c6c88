package io.shardline.meta.ratis;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.time.Clock;
import io.shardline.meta.codec.MetaCommandCodec;
import io.shardline.meta.codec.MetaResultCodec;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.rpc.MetadataCodec;
import io.shardline.meta.state.MetaCommand;
import io.shardline.meta.state.MetaResult;
import io.shardline.meta.state.MetaState;
import io.shardline.meta.state.MetaTransition;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ratis glue around {@link MetaState}: decodes a committed entry, applies it, replies with the
 * encoded result, and writes and loads snapshots. It never throws from {@code applyTransaction}
 * (an undecodable entry becomes a failure result). Ratis applies entries on one thread; reads,
 * snapshots and listeners see the latest {@link Applied} pair, swapped atomically.
 */
public final class MetaStateMachine extends BaseStateMachine {

    private static final Logger LOG = LoggerFactory.getLogger(MetaStateMachine.class);

    /** The state and the Raft position it reflects, always replaced together. */
    record Applied(MetaState state, TermIndex termIndex) {
    }

    private final SimpleStateMachineStorage storage = new SimpleStateMachineStorage();
    private final AtomicReference<Applied> applied =
            new AtomicReference<>(new Applied(MetaState.empty(), TermIndex.INITIAL_VALUE));
    private final List<Consumer<ClusterMetadata>> listeners = new CopyOnWriteArrayList<>();
    private final RaftHistory history = new RaftHistory();

    /** The entries and leaders this node has seen since it started ({@code /raft} on the status port). */
    public RaftHistory history() {
        return history;
    }

    private final LongSupplier monotonicNanos;
    /** The {@code raft} statistic's counters: entries applied and their time, snapshots, leader changes. */
    final LongAdder appliedEntries = new LongAdder();
    final LongAdder applyNanos = new LongAdder();
    final LongAdder snapshots = new LongAdder();
    final LongAdder leaderChanges = new LongAdder();

    public MetaStateMachine() {
        this(Clock.system()::monotonicNanos);
    }

    public MetaStateMachine(LongSupplier monotonicNanos) {
        this.monotonicNanos = monotonicNanos;
    }

    /** Called (on the applying thread) with the metadata after every change of its version. */
    public void addListener(Consumer<ClusterMetadata> listener) {
        listeners.add(listener);
    }

    /** The metadata this node has applied (possibly behind the leader). */
    public ClusterMetadata metadata() {
        return applied.get().state().metadata();
    }

    @Override
    public StateMachineStorage getStateMachineStorage() {
        return storage;
    }

    @Override
    public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage raftStorage) throws IOException {
        getLifeCycle().startAndTransition(() -> {
            super.initialize(server, groupId, raftStorage);
            storage.init(raftStorage);
            loadLatestSnapshot();
        }, IOException.class);
    }

    @Override
    public void pause() {
        LifeCycle lifeCycle = getLifeCycle();
        if (lifeCycle.getCurrentState() == LifeCycle.State.RUNNING) {
            lifeCycle.transition(LifeCycle.State.PAUSING);
            lifeCycle.transition(LifeCycle.State.PAUSED);
        }
    }

    /** After a snapshot was installed from the leader: load it and resume. */
    @Override
    public void reinitialize() throws IOException {
        storage.loadLatestSnapshot();
        loadLatestSnapshot();
        LifeCycle lifeCycle = getLifeCycle();
        if (lifeCycle.getCurrentState() == LifeCycle.State.PAUSED) {
            lifeCycle.transition(LifeCycle.State.STARTING);
            lifeCycle.transition(LifeCycle.State.RUNNING);
        }
    }

    private void loadLatestSnapshot() throws IOException {
        SingleFileSnapshotInfo snapshot = storage.getLatestSnapshot();
        if (snapshot == null) {
            return;
        }
        ClusterMetadata metadata = SnapshotFiles.read(snapshot);
        Applied loaded = new Applied(new MetaState(metadata), snapshot.getTermIndex());
        applied.set(loaded);
        setLastAppliedTermIndex(snapshot.getTermIndex());
        history.restartAt(snapshot.getIndex());
        LOG.info("Loaded meta snapshot index={} version={}", snapshot.getIndex(), metadata.version());
        publish(metadata);
    }

    @Override
    public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
        long started = monotonicNanos.getAsLong();
        LogEntryProto entry = trx.getLogEntry();
        TermIndex termIndex = TermIndex.valueOf(entry);
        Applied before = applied.get();
        MetaResult result;
        MetaState next;
        byte[] data = entry.getStateMachineLogEntry().getLogData().toByteArray();
        history.applied(termIndex.getTerm(), termIndex.getIndex(), data);
        try {
            MetaCommand command = MetaCommandCodec.decode(data);
            MetaTransition transition = before.state().apply(command, termIndex.getIndex());
            next = transition.state();
            result = transition.result();
        } catch (RuntimeException e) {
            // Deterministic on every replica: the entry is skipped, the version still advances.
            LOG.error("Cannot apply meta log entry index={}: {}", termIndex.getIndex(), e.toString());
            next = new MetaState(before.state().metadata().withVersion(termIndex.getIndex()));
            result = new MetaResult.Failure(ErrorCode.CORRUPTED, "cannot apply meta log entry " + termIndex.getIndex()
                    + ": " + e.getMessage());
        }
        applied.set(new Applied(next, termIndex));
        updateLastAppliedTermIndex(termIndex);
        publish(next.metadata());
        appliedEntries.increment();
        applyNanos.add(monotonicNanos.getAsLong() - started);
        return CompletableFuture.completedFuture(
                bytes(MetaResultCodec.encode(result).toByteArray()));
    }

    /** Configuration entries and a new leader's first (no-op) entry: recorded in the history too. */
    @Override
    public void notifyTermIndexUpdated(long term, long index) {
        history.applied(term, index, new byte[0]);
        super.notifyTermIndexUpdated(term, index);
    }

    @Override
    public void notifyLeaderChanged(RaftGroupMemberId member, RaftPeerId newLeaderId) {
        leaderChanges.increment();
        RaftServer.Division division = division();
        if (division != null && newLeaderId != null) {
            RaftPeer leader = division.getRaftConf().getPeer(newLeaderId);
            history.leader(division.getInfo().getCurrentTerm(), leader == null ? newLeaderId.toString() : leader.getAddress());
        }
    }

    /** This node leads a term and has committed its first entry in it: from now on it commits. */
    @Override
    public void notifyLeaderReady() {
        RaftServer.Division division = division();
        if (division != null) {
            RaftPeer self = division.getPeer();
            history.ledTerm(division.getInfo().getCurrentTerm(), self == null ? "" : self.getAddress());
        }
    }

    private RaftServer.Division division() {
        try {
            return getServer().getNow(null) == null ? null : getServer().getNow(null).getDivision(getGroupId());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Every read-only query returns the whole metadata (Ratis made the read linearizable). */
    @Override
    public CompletableFuture<Message> query(Message request) {
        return CompletableFuture.completedFuture(bytes(MetadataCodec.encode(metadata()).toByteArray()));
    }

    @Override
    public long takeSnapshot() throws IOException {
        Applied current = applied.get();
        if (current.termIndex().getIndex() <= 0) {
            return RaftLog.INVALID_LOG_INDEX;
        }
        // Ratis takes snapshots on its applying thread, so no entry is applied meanwhile; entries applied
        // without us (configuration changes, leader no-ops) may have moved the last-applied index further.
        TermIndex last = getLastAppliedTermIndex();
        TermIndex at = last.getIndex() > current.termIndex().getIndex() ? last : current.termIndex();
        SingleFileSnapshotInfo info = SnapshotFiles.write(storage, current.state().metadata(), at);
        storage.updateLatestSnapshot(info);
        snapshots.increment();
        LOG.info("Wrote meta snapshot index={} version={}", at.getIndex(), current.state().version());
        return at.getIndex();
    }

    private static Message bytes(byte[] content) {
        return Message.valueOf(ByteString.copyFrom(content));
    }

    private void publish(ClusterMetadata metadata) {
        for (Consumer<ClusterMetadata> listener : listeners) {
            try {
                listener.accept(metadata);
            } catch (RuntimeException e) {
                LOG.warn("Metadata listener failed", e);
            }
        }
    }
}
