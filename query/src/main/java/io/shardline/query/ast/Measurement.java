package io.shardline.query.ast;

/**
 * A source: {@code [db.][rp.]name}, {@code [db.][rp.]/regex/} or a subquery {@code (SELECT ...)}. Empty strings
 * mean "not given" for database and retention policy; exactly one of {@code name}, {@code regex} and
 * {@code subquery} is set.
 */
public record Measurement(String database, String retentionPolicy, String name, RegexLiteral regex,
        SelectStatement subquery) implements Node {

    public Measurement {
        database = database == null ? "" : database;
        retentionPolicy = retentionPolicy == null ? "" : retentionPolicy;
        name = name == null ? "" : name;
    }

    /** A measurement name or regex source. */
    public Measurement(String database, String retentionPolicy, String name, RegexLiteral regex) {
        this(database, retentionPolicy, name, regex, null);
    }

    /** A subquery source. */
    public static Measurement subquery(SelectStatement statement) {
        return new Measurement("", "", "", null, statement);
    }

    /** Whether this source is a subquery. */
    public boolean isSubquery() {
        return subquery != null;
    }

    /** A plain measurement name without database or retention policy. */
    public static Measurement named(String name) {
        return new Measurement("", "", name, null);
    }

    /** Whether this source is a regex. */
    public boolean isRegex() {
        return regex != null;
    }

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        if (subquery != null) {
            out.append('(');
            subquery.appendTo(out, exact);
            out.append(')');
            return;
        }
        appendQualifier(out);
        if (!name.isEmpty()) {
            Idents.appendIdent(out, name);
        } else if (regex != null) {
            regex.appendTo(out, exact);
        } else if (exact) {
            // FROM "" parses (1.x answers "invalid measurement" later) but 1.x's String() prints nothing for
            // it; the exact form must parse back, so it keeps the quotes.
            Idents.appendIdent(out, name);
        }
    }

    /** Appends the {@code db.rp.} qualifier as 1.x prints it ({@code db..} without a policy, nothing without both). */
    public void appendQualifier(StringBuilder out) {
        if (!database.isEmpty()) {
            Idents.appendIdent(out, database);
            out.append('.');
        }
        if (!retentionPolicy.isEmpty()) {
            Idents.appendIdent(out, retentionPolicy);
        }
        if (!database.isEmpty() || !retentionPolicy.isEmpty()) {
            out.append('.');
        }
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
