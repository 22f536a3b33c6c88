package io.shardline.query.parse;

import io.shardline.query.ast.KillQueryStatement;

/** Query-management statements; the leading keywords are already consumed. Port of 1.x's parser. */
final class AdminParser extends ParserBase {

    AdminParser(TokenStream ts) {
        super(ts);
    }

    /** {@code parseKillQueryStatement}: {@code <qid> [ON <ident>]}. */
    KillQueryStatement killQuery() {
        long qid = parseUInt64();
        String host = "";
        if (accept(Token.ON)) {
            host = parseIdent();
        }
        return new KillQueryStatement(qid, host);
    }
}
