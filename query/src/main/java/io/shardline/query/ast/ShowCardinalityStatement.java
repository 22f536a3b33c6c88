package io.shardline.query.ast;

import java.util.List;

/**
 * {@code SHOW SERIES|MEASUREMENT|TAG KEY|TAG VALUES|FIELD KEY [EXACT] CARDINALITY [ON db] [FROM ...]
 * [WITH KEY ...] [WHERE ...] [GROUP BY ...] [LIMIT n] [OFFSET n]}. {@code op} and {@code tagKeyExpr} are set
 * for TAG VALUES only (as in {@link ShowTagValuesStatement}).
 */
public record ShowCardinalityStatement(Kind kind, boolean exact, String database, List<Measurement> sources,
        Operator op, Expr tagKeyExpr, Expr condition, List<Dimension> dimensions, int limit, int offset)
        implements Statement {

    /** What is counted, with 1.x's words. */
    public enum Kind {
        SERIES("SERIES"), MEASUREMENT("MEASUREMENT"), TAG_KEY("TAG KEY"), TAG_VALUES("TAG VALUES"),
        FIELD_KEY("FIELD KEY");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        /** The words after SHOW, e.g. {@code TAG KEY}. */
        public String words() {
            return words;
        }
    }

    public ShowCardinalityStatement {
        database = database == null ? "" : database;
        sources = List.copyOf(sources);
        dimensions = List.copyOf(dimensions);
    }

    /**
     * Whether 1.x answers from its cardinality sketch ({@code "cardinality estimation"}): SERIES and MEASUREMENT
     * without EXACT and without FROM, WHERE, GROUP BY, LIMIT and OFFSET.
     */
    public boolean isEstimate() {
        return !exact && (kind == Kind.SERIES || kind == Kind.MEASUREMENT) && sources.isEmpty()
                && condition == null && dimensions.isEmpty() && limit == 0 && offset == 0;
    }

    @Override
    public void appendTo(StringBuilder out, boolean exactText) {
        out.append("SHOW ").append(kind.words());
        if (exact) {
            out.append(" EXACT");
        }
        out.append(" CARDINALITY");
        Nodes.on(out, database);
        Nodes.clause(out, " FROM ", sources, exactText);
        if (tagKeyExpr != null) {
            Nodes.withKey(out, op, tagKeyExpr, exactText);
        }
        Nodes.where(out, condition, exactText);
        Nodes.clause(out, " GROUP BY ", dimensions, exactText);
        Nodes.limits(out, limit, offset);
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
