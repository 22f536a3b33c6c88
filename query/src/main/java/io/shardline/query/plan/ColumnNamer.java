package io.shardline.query.plan;

import io.shardline.query.ast.BinaryExpr;
import io.shardline.query.ast.Call;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.Field;
import io.shardline.query.ast.ParenExpr;
import io.shardline.query.ast.VarRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Output column names as 1.x's {@code ColumnNames}: the time column first, aliases as given, otherwise the
 * function or field name (binary expressions join their names with {@code _}), and repeated names get
 * {@code _1}, {@code _2} suffixes. Stateless.
 */
public final class ColumnNamer {

    private ColumnNamer() {
    }

    /** 1.x's {@code Field.Name()}: alias, call name, joined names of a binary expression, or field name. */
    public static String name(Field f) {
        if (f.hasAlias()) {
            return f.alias();
        }
        return exprName(f.expr());
    }

    private static String exprName(Expr e) {
        if (e instanceof Call c) {
            return c.name();
        } else if (e instanceof BinaryExpr b) {
            List<String> names = new ArrayList<>();
            collectNames(b, names);
            return String.join("_", names);
        } else if (e instanceof ParenExpr p) {
            return exprName(p.expr());
        } else if (e instanceof VarRef v) {
            return v.name();
        }
        return "";
    }

    private static void collectNames(Expr e, List<String> out) {
        if (e instanceof VarRef v) {
            out.add(v.name());
        } else if (e instanceof Call c) {
            out.add(c.name());
        } else if (e instanceof BinaryExpr b) {
            collectNames(b.lhs(), out);
            collectNames(b.rhs(), out);
        } else if (e instanceof ParenExpr p) {
            collectNames(p.expr(), out);
        }
    }

    /** The column names: {@code timeColumn} followed by one name per field. */
    public static List<String> columns(String timeColumn, List<Field> fields) {
        String[] names = new String[fields.size()];
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).hasAlias()) {
                names[i] = fields.get(i).alias();
                seen.put(names[i], 1);
            }
        }
        for (int i = 0; i < fields.size(); i++) {
            if (names[i] != null) {
                continue;
            }
            String name = name(fields.get(i));
            Integer count = seen.get(name);
            if (count != null) {
                int n = count;
                while (true) {
                    String resolved = name + "_" + n;
                    if (!seen.containsKey(resolved)) {
                        seen.put(name, n + 1);
                        name = resolved;
                        break;
                    }
                    n++;
                }
            }
            seen.merge(name, 1, Integer::sum);
            names[i] = name;
        }
        List<String> out = new ArrayList<>(fields.size() + 1);
        out.add(timeColumn);
        out.addAll(List.of(names));
        return out;
    }
}
