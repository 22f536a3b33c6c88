package io.shardline.common.stats;

import java.util.List;

/**
 * Statistics computed when they are read rather than registered one by one: one per shard of a
 * node, one per database. The component that owns the figures registers its source with
 * {@link StatsRegistry#source}; every view reads them with the registered statistics. Called from
 * any thread; must be cheap (it runs on every {@code /debug/vars}, scrape and monitor tick).
 */
@FunctionalInterface
public interface StatsSource {

    /** The statistics now. */
    List<StatSnapshot> collect();
}
