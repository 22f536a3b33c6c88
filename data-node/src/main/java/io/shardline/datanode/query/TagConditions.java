package io.shardline.datanode.query;

import io.shardline.query.ast.BinaryExpr;
import io.shardline.query.ast.DataType;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.Operator;
import io.shardline.query.ast.ParenExpr;
import io.shardline.query.ast.RegexLiteral;
import io.shardline.query.ast.StringLiteral;
import io.shardline.query.ast.VarRef;
import io.shardline.storage.TagPredicate;
import java.util.Optional;

/**
 * Translates an InfluxQL condition on tags into the storage index's {@link TagPredicate}: {@code =}, {@code !=},
 * {@code =~}, {@code !~} between a tag and a string or regex (either side), combined with AND, OR and
 * parentheses. Anything else has no exact translation: readers then take every series and evaluate the
 * condition themselves, deletes reject it. Stateless.
 */
public final class TagConditions {

    private TagConditions() {
    }

    /** The predicate for {@code condition} (null = every series), or empty when it cannot be translated. */
    public static Optional<TagPredicate> toPredicate(Expr condition) {
        if (condition == null) {
            return Optional.of(TagPredicate.all());
        }
        return Optional.ofNullable(translate(condition));
    }

    private static TagPredicate translate(Expr e) {
        if (e instanceof ParenExpr p) {
            return translate(p.expr());
        }
        if (!(e instanceof BinaryExpr b)) {
            return null;
        }
        if (b.op() == Operator.AND || b.op() == Operator.OR) {
            TagPredicate l = translate(b.lhs());
            TagPredicate r = translate(b.rhs());
            if (l == null || r == null) {
                return null;
            }
            return b.op() == Operator.AND ? TagPredicate.and(l, r) : TagPredicate.or(l, r);
        }
        if (tagRef(b.lhs()) != null) {
            return compare(b.op(), tagRef(b.lhs()), b.rhs());
        }
        if (tagRef(b.rhs()) != null) {
            return compare(b.op(), tagRef(b.rhs()), b.lhs());
        }
        return null;
    }

    private static String tagRef(Expr e) {
        return e instanceof VarRef v && (v.type() == DataType.UNKNOWN || v.type() == DataType.TAG) && !v.isTime()
                ? v.name() : null;
    }

    private static TagPredicate compare(Operator op, String key, Expr value) {
        if (value instanceof StringLiteral s) {
            return switch (op) {
                case EQ -> TagPredicate.eq(key, s.value());
                case NEQ -> TagPredicate.neq(key, s.value());
                default -> null;
            };
        }
        if (value instanceof RegexLiteral r) {
            return switch (op) {
                case EQREGEX -> new TagPredicate.Regex(key, r.pattern(), false);
                case NEQREGEX -> new TagPredicate.Regex(key, r.pattern(), true);
                default -> null;
            };
        }
        return null;
    }
}
