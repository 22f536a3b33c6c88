package io.shardline.query.ast;

import java.util.List;

/** {@code SHOW SERIES [ON db] [FROM ...] [WHERE ...] [ORDER BY ...] [LIMIT n] [OFFSET n]}. */
public record ShowSeriesStatement(String database, List<Measurement> sources, Expr condition,
        List<SortField> sortFields, int limit, int offset) implements Statement {

    public ShowSeriesStatement {
        database = database == null ? "" : database;
        sources = List.copyOf(sources);
        sortFields = List.copyOf(sortFields);
    }

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("SHOW SERIES");
        Nodes.on(out, database);
        Nodes.clause(out, " FROM ", sources, exact);
        Nodes.where(out, condition, exact);
        Nodes.clause(out, " ORDER BY ", sortFields, exact);
        Nodes.limits(out, limit, offset);
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
