package io.shardline.query.ast;

/** {@code SHOW USERS}. */
public record ShowUsersStatement() implements Statement {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("SHOW USERS");
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
