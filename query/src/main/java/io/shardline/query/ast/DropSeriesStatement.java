package io.shardline.query.ast;

import java.util.List;

/** {@code DROP SERIES [FROM ...] [WHERE ...]} (at least one of the two). */
public record DropSeriesStatement(List<Measurement> sources, Expr condition) implements Statement {

    public DropSeriesStatement {
        sources = List.copyOf(sources);
    }

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("DROP SERIES");
        Nodes.clause(out, " FROM ", sources, exact);
        Nodes.where(out, condition, exact);
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
