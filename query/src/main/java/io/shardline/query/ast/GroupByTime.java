package io.shardline.query.ast;

/**
 * The {@code GROUP BY time(interval[, offset])} of a SELECT (1.x's {@code GroupByInterval} and
 * {@code GroupByOffset}), in nanoseconds; interval {@code 0} when the statement has no time dimension. The offset
 * is reduced modulo the interval, as 1.x does.
 */
public record GroupByTime(long interval, long offset) {

    /**
     * @throws IllegalArgumentException with 1.x's text when the time dimension is malformed
     */
    public static GroupByTime of(SelectStatement s) {
        for (Dimension d : s.dimensions()) {
            if (d.expr() instanceof Call c && c.name().equals("time")) {
                if (c.args().isEmpty() || c.args().size() > 2) {
                    throw new IllegalArgumentException("time dimension expected 1 or 2 arguments");
                }
                if (!(c.args().get(0) instanceof DurationLiteral lit)) {
                    throw new IllegalArgumentException("time dimension must have duration argument");
                }
                long interval = lit.nanos();
                if (c.args().size() == 1 || interval <= 0) {
                    return new GroupByTime(interval, 0);
                }
                Expr off = c.args().get(1);
                if (off instanceof DurationLiteral o) {
                    return new GroupByTime(interval, o.nanos() % interval);
                } else if (off instanceof TimeLiteral t) {
                    return new GroupByTime(interval, Math.floorMod(t.nanos(), interval));
                }
                throw new IllegalArgumentException("invalid time dimension offset: " + off);
            }
        }
        return new GroupByTime(0, 0);
    }
}
