package io.shardline.query.ast;

/**
 * {@code CREATE CONTINUOUS QUERY name ON db [RESAMPLE [EVERY d] [FOR d]] BEGIN select END}. The resample
 * durations are nanoseconds, {@code 0} when not given; {@code source} always has an INTO target.
 */
public record CreateContinuousQueryStatement(String name, String database, long resampleEvery, long resampleFor,
        SelectStatement source) implements Statement {

    /** The same statement over another SELECT (e.g. the normalised one 1.x stores). */
    public CreateContinuousQueryStatement withSource(SelectStatement newSource) {
        return new CreateContinuousQueryStatement(name, database, resampleEvery, resampleFor, newSource);
    }

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("CREATE CONTINUOUS QUERY ");
        Idents.appendIdent(out, name);
        out.append(" ON ");
        Idents.appendIdent(out, database);
        out.append(' ');
        if (resampleEvery > 0 || resampleFor > 0) {
            out.append("RESAMPLE ");
            if (resampleEvery > 0) {
                out.append("EVERY ").append(InfluxDuration.format(resampleEvery)).append(' ');
            }
            if (resampleFor > 0) {
                out.append("FOR ").append(InfluxDuration.format(resampleFor)).append(' ');
            }
        }
        out.append("BEGIN ");
        source.appendTo(out, exact);
        out.append(" END");
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
