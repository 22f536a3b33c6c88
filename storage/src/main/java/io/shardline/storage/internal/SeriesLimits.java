package io.shardline.storage.internal;

import io.shardline.model.GoQuote;

/**
 * The 1.x drop reasons for {@code max-series-per-database} and {@code max-values-per-tag}, checked
 * when a point would create a series (per shard, as 1.x does with the TSI index). Stateless.
 */
public final class SeriesLimits {

    private SeriesLimits() {
    }

    /** The reason to drop a point creating series number {@code liveSeries + 1}, or null. */
    public static String checkSeries(long liveSeries, long maxSeries) {
        if (maxSeries > 0 && liveSeries >= maxSeries) {
            return "max-series-per-database limit exceeded: (" + maxSeries + ")";
        }
        return null;
    }

    /** The reason to drop a point adding a new value to a tag that has {@code values} already, or null. */
    public static String checkTagValues(long values, long maxValues, String measurement, String tagKey,
            String tagValue) {
        if (maxValues > 0 && values >= maxValues) {
            return "max-values-per-tag limit exceeded (" + values + "/" + maxValues + "): measurement="
                    + GoQuote.quote(measurement) + " tag=" + GoQuote.quote(tagKey) + " value="
                    + GoQuote.quote(tagValue);
        }
        return null;
    }
}
