package io.shardline.query.ast;

/**
 * Any node of the InfluxQL syntax tree. {@link #toString()} renders InfluxQL exactly as InfluxDB 1.x's
 * {@code String()} does (this text is visible to clients, e.g. in the read-only warning); {@link #toExactString()}
 * differs only in printing float literals without rounding, for shipping a statement to another node.
 */
public interface Node {

    /** Appends the InfluxQL text of this node; {@code exact} keeps float literals lossless. */
    void appendTo(StringBuilder out, boolean exact);

    /** The InfluxQL text with lossless float literals; parses back to an equal node. */
    default String toExactString() {
        StringBuilder b = new StringBuilder();
        appendTo(b, true);
        return b.toString();
    }

    /** The 1.x {@code String()} form of a node. */
    static String render(Node node) {
        StringBuilder b = new StringBuilder();
        node.appendTo(b, false);
        return b.toString();
    }
}
