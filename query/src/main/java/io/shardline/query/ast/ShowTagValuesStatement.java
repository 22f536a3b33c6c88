package io.shardline.query.ast;

import java.util.List;

/**
 * {@code SHOW TAG VALUES [ON db] [FROM ...] WITH KEY = k | != k | =~ /re/ | !~ /re/ | IN (a, b) [WHERE ...]
 * [ORDER BY ...] [LIMIT n] [OFFSET n]}. {@code tagKeyExpr} is a {@link StringLiteral} (for = and !=),
 * a {@link RegexLiteral} or a {@link ListLiteral} (for IN).
 */
public record ShowTagValuesStatement(String database, List<Measurement> sources, Operator op, Expr tagKeyExpr,
        Expr condition, List<SortField> sortFields, int limit, int offset) implements Statement {

    public ShowTagValuesStatement {
        database = database == null ? "" : database;
        sources = List.copyOf(sources);
        sortFields = List.copyOf(sortFields);
    }

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("SHOW TAG VALUES");
        Nodes.on(out, database);
        Nodes.clause(out, " FROM ", sources, exact);
        Nodes.withKey(out, op, tagKeyExpr, exact);
        Nodes.where(out, condition, exact);
        Nodes.clause(out, " ORDER BY ", sortFields, exact);
        Nodes.limits(out, limit, offset);
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
