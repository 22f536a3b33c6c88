package io.shardline.meta.client;

import io.grpc.Context;
import io.shardline.proto.meta.ClusterMetadataMessage;
import io.shardline.proto.meta.MetaServiceGrpc;
import io.shardline.proto.meta.WatchRequest;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the MetaService watch stream on its own thread: asks for versions after the client's
 * current one, hands every message to the client, and when the stream ends or fails reconnects to the
 * next meta node after a back-off. Stopped by {@link #close()}, which cancels the open stream.
 */
final class WatchFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WatchFollower.class);

    private final MetaEndpoints endpoints;
    private final LongSupplier currentVersion;
    private final Consumer<ClusterMetadataMessage> sink;
    private final MetaClientSettings settings;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Context.CancellableContext stream;

    WatchFollower(MetaEndpoints endpoints, LongSupplier currentVersion, Consumer<ClusterMetadataMessage> sink,
                  MetaClientSettings settings) {
        this.endpoints = endpoints;
        this.currentVersion = currentVersion;
        this.sink = sink;
        this.settings = settings;
        this.thread = new Thread(this::run, "meta-watch");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        int failures = 0;
        while (running) {
            String address = endpoints.current();
            if (address != null && follow(address)) {
                failures = 0;
            } else {
                failures++;
            }
            if (address != null) {
                endpoints.failed(address);
            }
            try {
                settings.sleeper().sleep(settings.backoff().delay(Math.min(failures, 10)));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Follows one stream until it ends; true if it delivered anything. */
    private boolean follow(String address) {
        Context.CancellableContext context = Context.current().withCancellation();
        stream = context;
        boolean delivered = false;
        Context previous = context.attach();
        try {
            Iterator<ClusterMetadataMessage> it = MetaServiceGrpc.newBlockingStub(endpoints.channel(address))
                    .watch(WatchRequest.newBuilder().setAfterVersion(currentVersion.getAsLong()).build());
            while (running && it.hasNext()) {
                sink.accept(it.next());
                delivered = true;
            }
        } catch (RuntimeException e) {
            if (running) {
                LOG.debug("Meta watch stream ended server={} error={}", address, e.toString());
            }
        } finally {
            context.detach(previous);
            context.cancel(null);
        }
        return delivered;
    }

    @Override
    public void close() {
        running = false;
        Context.CancellableContext s = stream;
        if (s != null) {
            s.cancel(null);
        }
        thread.interrupt();
    }

}
