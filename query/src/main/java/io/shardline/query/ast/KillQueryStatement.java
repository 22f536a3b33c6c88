package io.shardline.query.ast;

/**
 * {@code KILL QUERY <qid> [ON "<host:port>"]}: stops a running query, on this data node or on the
 * one whose TCP address is {@code host} (empty when absent). {@code qid} is an unsigned 64-bit id
 * held in a long.
 */
public record KillQueryStatement(long queryId, String host) implements Statement {

    public KillQueryStatement {
        host = host == null ? "" : host;
    }

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("KILL QUERY ").append(Long.toUnsignedString(queryId));
        if (!host.isEmpty()) {
            out.append(" ON ");
            Idents.appendIdent(out, host);
        }
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
