package io.shardline.query.ast;

import java.util.List;

/** A function call; the name is lower-cased by the parser as in 1.x. */
public record Call(String name, List<Expr> args) implements Expr {

    public Call {
        args = List.copyOf(args);
    }

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        // 1.x prints a call's name bare; a name that came from a quoted identifier ("a b"(x), a quirk of the
        // lexer: a"b"(x) is the call b) would not parse back, so the exact form quotes it. distinct(x) parses
        // bare although DISTINCT is a keyword.
        if (exact && !name.equals("distinct") && Idents.needsQuotes(name)) {
            Idents.appendIdent(out, name);
        } else {
            out.append(name);
        }
        out.append('(');
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
