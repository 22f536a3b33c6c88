package io.shardline.datanode.cq;

import io.shardline.common.error.ShardlineException;
import io.shardline.common.lifecycle.LifecycleGuard;
import io.shardline.common.lifecycle.NamedThreadFactory;
import io.shardline.common.lifecycle.Service;
import io.shardline.common.stats.StatsRegistry;
import io.shardline.common.time.Clock;
import io.shardline.config.data.ContinuousQueriesConfig;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The continuous-query service of a data node ({@code [continuous_queries]}): every {@code run-interval} its one
 * thread runs a {@link CqTick} — lease, due queries, SELECT ... INTO, last runs — once the node has its id. A
 * failing pass is logged and the service goes on.
 */
public final class ContinuousQueryService implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(ContinuousQueryService.class);

    private final ContinuousQueriesConfig config;
    private final LongSupplier nodeId;
    private final CqTick.Meta meta;
    private final CqTick.Executor executor;
    private final CqTick.Executions executions;
    private final Clock clock;
    private final CqStats stats;
    private final LifecycleGuard guard = new LifecycleGuard("continuous queries");
    private ScheduledExecutorService thread;
    private CqTick tick;

    /**
     * @param nodeId this data node's id, 0 until it joined the cluster
     * @param executions receives the figures of each execution (for {@code query-stats-enabled})
     */
    public ContinuousQueryService(ContinuousQueriesConfig config, LongSupplier nodeId, CqTick.Meta meta,
                                  CqTick.Executor executor, CqTick.Executions executions, Clock clock,
                                  StatsRegistry stats) {
        this.config = config;
        this.nodeId = nodeId;
        this.meta = meta;
        this.executor = executor;
        this.executions = executions;
        this.clock = clock;
        this.stats = new CqStats(stats);
    }

    @Override
    public String name() {
        return "continuous queries";
    }

    @Override
    public void start() {
        guard.markStarted();
        thread = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("continuous-queries", true));
        long period = config.runInterval().toNanos();
        thread.scheduleWithFixedDelay(this::pass, period, period, TimeUnit.NANOSECONDS);
    }

    private void pass() {
        try {
            if (tick == null) {
                long id = nodeId.getAsLong();
                if (id == 0) {
                    return;
                }
                tick = new CqTick(id, meta, executor, clock, stats, config.logEnabled(), executions);
            }
            tick.run();
        } catch (ShardlineException e) {
            LOG.warn("Continuous query pass failed error=\"{}\"", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Continuous query pass failed", e);
        }
    }

    @Override
    public void close() {
        if (guard.markClosed() && thread != null) {
            thread.shutdownNow();
        }
    }
}
