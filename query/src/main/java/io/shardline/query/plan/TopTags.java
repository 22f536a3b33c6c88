package io.shardline.query.plan;

import io.shardline.query.ast.Call;
import io.shardline.query.ast.DataType;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.Field;
import io.shardline.query.ast.VarRef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * 1.x's output shape of {@code top/bottom(f, k1[, k2...], N)}: each {@code k} becomes a column right after the
 * call (its value taken from the selected point, tag or field), and only the {@code k} that are tags group the
 * points (1.x groups a {@code max}/{@code min} by them; a field name groups nothing), so field arguments are
 * cast {@code ::field} in the call. Stateless.
 */
final class TopTags {

    private TopTags() {
    }

    static List<Field> expand(List<Field> fields, Predicate<VarRef> isField) {
        List<Field> out = new ArrayList<>(fields.size());
        for (Field f : fields) {
            if (!(f.expr() instanceof Call c) || !(c.name().equals("top") || c.name().equals("bottom"))
                    || c.args().size() <= 2) {
                out.add(f);
                continue;
            }
            List<Expr> args = new ArrayList<>(c.args());
            List<Field> columns = new ArrayList<>();
            for (int i = 1; i < args.size() - 1; i++) {
                VarRef ref = (VarRef) args.get(i);
                columns.add(new Field(VarRef.of(ref.name()), null));
                if (isField.test(VarRef.of(ref.name()))) {
                    args.set(i, new VarRef(ref.name(), DataType.FIELD));
                }
            }
            out.add(new Field(new Call(c.name(), args), f.alias()));
            out.addAll(columns);
        }
        return out;
    }
}
