package io.shardline.query.ast;

import java.util.List;

/**
 * {@code SHOW MEASUREMENTS [ON db] [WITH MEASUREMENT = m | =~ /re/] [WHERE ...] [ORDER BY ...] [LIMIT n]
 * [OFFSET n]}; {@code source} is null without WITH.
 */
public record ShowMeasurementsStatement(String database, Measurement source, Expr condition,
        List<SortField> sortFields, int limit, int offset) implements Statement {

    public ShowMeasurementsStatement {
        database = database == null ? "" : database;
        sortFields = List.copyOf(sortFields);
    }

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("SHOW MEASUREMENTS");
        if (!database.isEmpty()) {
            out.append(" ON ").append(database);
        }
        if (source != null) {
            out.append(source.isRegex() ? " WITH MEASUREMENT =~ " : " WITH MEASUREMENT = ");
            source.appendTo(out, exact);
        }
        Nodes.where(out, condition, exact);
        Nodes.clause(out, " ORDER BY ", sortFields, exact);
        Nodes.limits(out, limit, offset);
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
