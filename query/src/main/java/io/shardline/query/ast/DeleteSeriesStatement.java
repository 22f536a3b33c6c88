package io.shardline.query.ast;

import java.util.List;

/** {@code DELETE [FROM ...] [WHERE ...]} (at least one of the two); time bounds are allowed. */
public record DeleteSeriesStatement(List<Measurement> sources, Expr condition) implements Statement {

    public DeleteSeriesStatement {
        sources = List.copyOf(sources);
    }

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("DELETE");
        Nodes.clause(out, " FROM ", sources, exact);
        Nodes.where(out, condition, exact);
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
