package io.shardline.meta.service;

import io.grpc.stub.ServerCallStreamObserver;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.rpc.MetadataCodec;
import io.shardline.proto.meta.ClusterMetadataMessage;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The open {@code Watch} streams of this meta node. Every change of the applied metadata is offered
 * to each watcher, which sends the newest version it has not sent as soon as its stream is ready;
 * a slow watcher skips intermediate versions instead of buffering them. Thread-safe: the applying
 * thread publishes, gRPC threads subscribe and signal readiness; each watcher is locked while sending.
 */
final class WatchHub {

    private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();
    private final AtomicReference<ClusterMetadataMessage> latest = new AtomicReference<>();

    /** Called with every newly applied metadata. */
    void publish(ClusterMetadata metadata) {
        ClusterMetadataMessage message = MetadataCodec.encode(metadata);
        latest.set(message);
        watchers.forEach(w -> w.offer(message));
    }

    /**
     * Registers the stream's handlers; must run inside the gRPC handler call (gRPC only accepts them
     * there). Nothing is sent before {@link #activate}.
     */
    Watcher prepare(ServerCallStreamObserver<ClusterMetadataMessage> observer, long afterVersion) {
        Watcher w = new Watcher(observer, afterVersion);
        observer.setOnCancelHandler(() -> watchers.remove(w));
        observer.setOnReadyHandler(w::drain);
        return w;
    }

    /** Starts streaming: {@code initial} first if it is newer than what the caller has, then every change. */
    void activate(Watcher w, ClusterMetadataMessage initial) {
        watchers.add(w);
        w.offer(initial);
        ClusterMetadataMessage now = latest.get();
        if (now != null) {
            w.offer(now);
        }
    }

    /** Ends every stream so its client reconnects to another meta node. */
    void closeAll() {
        watchers.forEach(Watcher::complete);
        watchers.clear();
    }

    int size() {
        return watchers.size();
    }

    static final class Watcher {
        private final ServerCallStreamObserver<ClusterMetadataMessage> observer;
        private long sentVersion;
        private ClusterMetadataMessage pending;
        private boolean done;

        Watcher(ServerCallStreamObserver<ClusterMetadataMessage> observer, long afterVersion) {
            this.observer = observer;
            this.sentVersion = afterVersion;
        }

        synchronized void offer(ClusterMetadataMessage m) {
            if (m != null && m.getVersion() > sentVersion
                    && (pending == null || m.getVersion() > pending.getVersion())) {
                pending = m;
            }
            drain();
        }

        synchronized void drain() {
            if (done || pending == null || observer.isCancelled() || !observer.isReady()) {
                return;
            }
            try {
                observer.onNext(pending);
                sentVersion = pending.getVersion();
                pending = null;
            } catch (RuntimeException e) {
                done = true; // the call was cancelled meanwhile
            }
        }

        synchronized void complete() {
            if (!done) {
                done = true;
                try {
                    observer.onCompleted();
                } catch (RuntimeException ignored) {
                    // already cancelled
                }
            }
        }
    }
}
