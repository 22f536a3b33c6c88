package io.shardline.query.ast;

import io.shardline.model.GoFloat;
import java.util.List;

/** Rendering helpers shared by the statement records. Stateless. */
final class Nodes {

    private Nodes() {
    }

    static void join(StringBuilder out, List<? extends Node> nodes, boolean exact) {
        for (int i = 0; i < nodes.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            nodes.get(i).appendTo(out, exact);
        }
    }

    static void clause(StringBuilder out, String keyword, List<? extends Node> nodes, boolean exact) {
        if (nodes != null && !nodes.isEmpty()) {
            out.append(keyword);
            join(out, nodes, exact);
        }
    }

    static void where(StringBuilder out, Expr condition, boolean exact) {
        if (condition != null) {
            out.append(" WHERE ");
            condition.appendTo(out, exact);
        }
    }

    static void on(StringBuilder out, String database) {
        if (database != null && !database.isEmpty()) {
            out.append(" ON ");
            Idents.appendIdent(out, database);
        }
    }

    /** {@code WITH KEY <op> <key>}: a {@link StringLiteral} key prints as an identifier. */
    static void withKey(StringBuilder out, Operator op, Expr key, boolean exact) {
        out.append(" WITH KEY ").append(op.text()).append(' ');
        if (key instanceof StringLiteral s) {
            Idents.appendIdent(out, s.value());
        } else {
            key.appendTo(out, exact);
        }
    }

    static void limits(StringBuilder out, int limit, int offset) {
        if (limit > 0) {
            out.append(" LIMIT ").append(limit);
        }
        if (offset > 0) {
            out.append(" OFFSET ").append(offset);
        }
    }

    /** Go's {@code %v} of the fill value: integers plain, floats in the shortest {@code 'g'} form. */
    static String fillValue(Number n, boolean exact) {
        if (n instanceof Double d) {
            if (exact) {
                // 1.x's %v prints fill(1.0) as fill(1) and fill(1e21) as fill(1e+21); the exact form must parse
                // back to the same float (an integer 1, or 0 for -0.0, would not)
                StringBuilder b = new StringBuilder();
                new NumberLiteral(d).appendTo(b, true);
                return b.toString();
            }
            return GoFloat.formatG(d);
        }
        return String.valueOf(n);
    }
}
