package io.shardline.query.ast;

import java.util.List;

/** {@code SHOW TAG KEYS [ON db] [FROM ...] [WHERE ...] [ORDER BY ...] [LIMIT] [OFFSET] [SLIMIT] [SOFFSET]}. */
public record ShowTagKeysStatement(String database, List<Measurement> sources, Expr condition,
        List<SortField> sortFields, int limit, int offset, int slimit, int soffset) implements Statement {

    public ShowTagKeysStatement {
        database = database == null ? "" : database;
        sources = List.copyOf(sources);
        sortFields = List.copyOf(sortFields);
    }

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("SHOW TAG KEYS");
        Nodes.on(out, database);
        Nodes.clause(out, " FROM ", sources, exact);
        Nodes.where(out, condition, exact);
        Nodes.clause(out, " ORDER BY ", sortFields, exact);
        Nodes.limits(out, limit, offset);
        if (slimit > 0) {
            out.append(" SLIMIT ").append(slimit);
        }
        if (soffset > 0) {
            out.append(" SOFFSET ").append(soffset);
        }
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
