package io.shardline.query.exec;

/**
 * One row of a raw query as an owner returns it: its output series, time, the series key (for a stable order
 * among rows of equal time) and the projected values, one per {@code SelectPlan.fields()}.
 */
public record RawRow(GroupKey group, long time, String seriesKey, Object[] values) {
}
