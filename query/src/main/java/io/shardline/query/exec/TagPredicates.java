package io.shardline.query.exec;

import io.shardline.model.SeriesKey;
import io.shardline.query.ast.Expr;
import io.shardline.query.eval.ExprEvaluator;

/** Evaluates a tag-only predicate on a series key (missing tags read as the empty string). Stateless. */
public final class TagPredicates {

    private TagPredicates() {
    }

    /** Whether {@code series} satisfies {@code predicate} (null matches everything). */
    public static boolean matches(Expr predicate, SeriesKey series) {
        if (predicate == null) {
            return true;
        }
        return ExprEvaluator.matches(predicate, ref -> {
            String v = series.tag(ref.name());
            return v == null ? "" : v;
        });
    }
}
