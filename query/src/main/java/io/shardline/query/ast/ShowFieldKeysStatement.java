package io.shardline.query.ast;

import java.util.List;

/** {@code SHOW FIELD KEYS [ON db] [FROM ...] [ORDER BY ...] [LIMIT n] [OFFSET n]}. */
public record ShowFieldKeysStatement(String database, List<Measurement> sources, List<SortField> sortFields,
        int limit, int offset) implements Statement {

    public ShowFieldKeysStatement {
        database = database == null ? "" : database;
        sources = List.copyOf(sources);
        sortFields = List.copyOf(sortFields);
    }

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("SHOW FIELD KEYS");
        Nodes.on(out, database);
        Nodes.clause(out, " FROM ", sources, exact);
        Nodes.clause(out, " ORDER BY ", sortFields, exact);
        Nodes.limits(out, limit, offset);
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
