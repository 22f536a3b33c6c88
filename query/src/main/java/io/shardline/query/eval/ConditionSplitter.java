package io.shardline.query.eval;

import io.shardline.query.ast.BinaryExpr;
import io.shardline.query.ast.Call;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.Operator;
import io.shardline.query.ast.ParenExpr;
import io.shardline.query.ast.VarRef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Splits a WHERE condition at its top-level ANDs into the time range, a tag predicate (tag-only conjuncts, for
 * the series index) and a row filter (the rest, evaluated per row with tags visible), so the tag predicate only
 * ever narrows the series set. Stateless.
 */
public final class ConditionSplitter {

    /** The parts of a condition; null means "no condition" for the two predicates. */
    public record Split(TimeRange timeRange, Expr tagPredicate, Expr rowFilter) {
    }

    private ConditionSplitter() {
    }

    /**
     * Splits {@code cond}.
     *
     * @param isField decides whether a reference is a field (true) or a tag (false); {@code ::tag} and
     *     {@code ::field} casts are honoured before it is asked
     */
    public static Split split(Expr cond, long now, Predicate<VarRef> isField) {
        TimeCondition.Result r = TimeCondition.extract(cond, now);
        List<Expr> tags = new ArrayList<>();
        List<Expr> rest = new ArrayList<>();
        for (Expr conjunct : conjuncts(r.condition())) {
            int refs = classify(conjunct, isField);
            if (refs == TAGS) {
                tags.add(conjunct);
            } else {
                rest.add(conjunct);
            }
        }
        return new Split(r.range(), and(tags), and(rest));
    }

    private static final int NONE = 0;
    private static final int TAGS = 1;
    private static final int FIELDS = 2;

    private static int classify(Expr e, Predicate<VarRef> isField) {
        if (e instanceof VarRef v) {
            return switch (v.type()) {
                case TAG -> TAGS;
                case UNKNOWN -> isField.test(v) ? FIELDS : TAGS;
                default -> FIELDS;
            };
        } else if (e instanceof BinaryExpr b) {
            return classify(b.lhs(), isField) | classify(b.rhs(), isField);
        } else if (e instanceof ParenExpr p) {
            return classify(p.expr(), isField);
        } else if (e instanceof Call c) {
            int k = NONE;
            for (Expr a : c.args()) {
                k |= classify(a, isField);
            }
            return k | FIELDS;
        }
        return NONE;
    }

    /** The top-level AND operands of {@code e} (parentheses around an AND are looked through). */
    public static List<Expr> conjuncts(Expr e) {
        List<Expr> out = new ArrayList<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, List<Expr> out) {
        if (e == null) {
            return;
        }
        if (e instanceof BinaryExpr b && b.op() == Operator.AND) {
            collect(b.lhs(), out);
            collect(b.rhs(), out);
        } else if (e instanceof ParenExpr p && p.expr() instanceof BinaryExpr b && b.op() == Operator.AND) {
            collect(b, out);
        } else {
            out.add(e);
        }
    }

    /** The AND of {@code parts}, or null when empty. */
    public static Expr and(List<Expr> parts) {
        Expr out = null;
        for (Expr p : parts) {
            out = out == null ? p : new BinaryExpr(Operator.AND, out, p);
        }
        return out;
    }
}
