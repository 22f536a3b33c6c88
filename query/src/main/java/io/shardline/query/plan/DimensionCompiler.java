package io.shardline.query.plan;

import io.shardline.query.QueryException;
import io.shardline.query.ast.Call;
import io.shardline.query.ast.Dimension;
import io.shardline.query.ast.DurationLiteral;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.RegexLiteral;
import io.shardline.query.ast.StringLiteral;
import io.shardline.query.ast.TimeLiteral;
import io.shardline.query.ast.VarRef;
import io.shardline.query.ast.Wildcard;
import io.shardline.query.eval.Reducer;
import io.shardline.query.value.Rfc3339;
import java.util.ArrayList;
import java.util.List;

/** Validates GROUP BY dimensions with 1.x's messages and extracts the interval. Stateless. */
final class DimensionCompiler {

    /** The interval (null when none) and the non-time dimensions in order. */
    record Result(Interval interval, List<Expr> tagDimensions) {
    }

    private DimensionCompiler() {
    }

    static Result compile(List<Dimension> dimensions, long now, java.time.ZoneId zone) {
        Interval interval = null;
        List<Expr> tags = new ArrayList<>();
        for (Dimension d : dimensions) {
            Expr expr = d.expr() instanceof Call ? d.expr() : Reducer.reduce(d.expr(), now);
            if (expr instanceof VarRef v) {
                if (v.isTime()) {
                    throw new QueryException("time() is a function and expects at least one argument");
                }
                tags.add(v);
            } else if (expr instanceof Call c) {
                interval = timeDimension(c, now, interval != null, zone);
            } else if (expr instanceof Wildcard || expr instanceof RegexLiteral) {
                tags.add(expr);
            } else {
                throw new QueryException("only time and tag dimensions allowed");
            }
        }
        return new Result(interval, tags);
    }

    private static Interval timeDimension(Call c, long now, boolean haveInterval, java.time.ZoneId zone) {
        if (!c.name().equals("time")) {
            throw new QueryException("only time() calls allowed in dimensions");
        } else if (c.args().isEmpty() || c.args().size() > 2) {
            throw new QueryException("time dimension expected 1 or 2 arguments");
        } else if (!(c.args().get(0) instanceof DurationLiteral lit)) {
            throw new QueryException("time dimension must have duration argument");
        } else if (haveInterval) {
            throw new QueryException("multiple time dimensions not allowed");
        } else if (lit.nanos() <= 0) {
            throw new QueryException("time dimension must have a positive duration");
        } else {
            long d = lit.nanos();
            return new Interval(d, c.args().size() == 2 ? offset(c.args().get(1), d, now) : 0, zone);
        }
    }

    private static long offset(Expr arg, long d, long now) {
        if (arg instanceof DurationLiteral o) {
            return o.nanos() % d;
        } else if (arg instanceof TimeLiteral t) {
            return t.nanos() - GoTime.truncate(t.nanos(), d);
        } else if (arg instanceof Call call) {
            if (!call.name().equals("now")) {
                throw new QueryException("time dimension offset function must be now()");
            } else if (!call.args().isEmpty()) {
                throw new QueryException("time dimension offset now() function requires no arguments");
            }
            return now - GoTime.truncate(now, d);
        } else if (arg instanceof StringLiteral s && Rfc3339.looksLikeTime(s.value())) {
            long t;
            try {
                t = Rfc3339.parseTimeLiteral(s.value());
            } catch (IllegalArgumentException e) {
                throw new QueryException(e.getMessage());
            }
            return t - GoTime.truncate(t, d);
        }
        throw new QueryException("time dimension offset must be duration or now()");
    }
}
