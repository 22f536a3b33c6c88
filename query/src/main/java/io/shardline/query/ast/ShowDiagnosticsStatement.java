package io.shardline.query.ast;

/** {@code SHOW DIAGNOSTICS [FOR 'module']}; {@code module} is empty when not given (every module). */
public record ShowDiagnosticsStatement(String module) implements Statement {

    public ShowDiagnosticsStatement {
        module = module == null ? "" : module;
    }

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("SHOW DIAGNOSTICS");
        if (!module.isEmpty()) {
            out.append(" FOR ").append(Idents.quoteString(module));
        }
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
