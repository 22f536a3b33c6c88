package io.shardline.query.ast;

/** {@code SHOW STATS [FOR 'module']}; {@code module} is empty when not given (every module). */
public record ShowStatsStatement(String module) implements Statement {

    public ShowStatsStatement {
        module = module == null ? "" : module;
    }

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("SHOW STATS");
        if (!module.isEmpty()) {
            out.append(" FOR ").append(Idents.quoteString(module));
        }
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
