package io.shardline.storage.internal;

import io.shardline.model.GoQuote;

/**
 * The 1.x drop reasons for {@code max-series-per-database} and {@code max-values-per-tag}, checked
 * when a point would create a series (per shard; 1.x counts per database on the node). Stateless.
 */
public final class SeriesLimits {

    private SeriesLimits() {
    }

    /**
     * The reason to drop the {@code creating} points of a batch that would create series next to
     * {@code liveSeries} existing ones, or null; 1.x counts points, not distinct series.
     */
    public static String checkSeries(long liveSeries, long creating, long maxSeries) {
        if (maxSeries > 0 && creating > 0 && liveSeries + creating > maxSeries) {
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
