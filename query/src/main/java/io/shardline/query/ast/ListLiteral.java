package io.shardline.query.ast;

import java.util.List;

/** A parenthesised identifier list, as in {@code WITH KEY IN (a, b)}. */
public record ListLiteral(List<String> values) implements Expr {

    public ListLiteral {
        values = List.copyOf(values);
    }

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append('(');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            Idents.appendIdent(out, values.get(i));
        }
        out.append(')');
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
