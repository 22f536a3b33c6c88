package io.shardline.query.ast;

/** An ORDER BY item; 1.x only allows {@code time} (or no name at all). */
public record SortField(String name, boolean ascending) implements Node {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        if (name != null && !name.isEmpty()) {
            out.append(name).append(' ');
        }
        out.append(ascending ? "ASC" : "DESC");
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
