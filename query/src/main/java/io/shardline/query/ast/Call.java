package io.shardline.query.ast;

import java.util.List;

/** A function call; the name is lower-cased by the parser as in 1.x. */
public record Call(String name, List<Expr> args) implements Expr {

    public Call {
        args = List.copyOf(args);
    }

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append(name).append('(');
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            args.get(i).appendTo(out, exact);
        }
        out.append(')');
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
