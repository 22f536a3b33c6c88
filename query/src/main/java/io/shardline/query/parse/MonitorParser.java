package io.shardline.query.parse;

import io.shardline.query.ast.ShowDiagnosticsStatement;
import io.shardline.query.ast.ShowStatsStatement;

/** {@code SHOW STATS [FOR 'module']} and {@code SHOW DIAGNOSTICS [FOR 'module']}; SHOW and the keyword are consumed. */
final class MonitorParser extends ParserBase {

    MonitorParser(TokenStream ts) {
        super(ts);
    }

    ShowStatsStatement stats() {
        return new ShowStatsStatement(optionalModule());
    }

    ShowDiagnosticsStatement diagnostics() {
        return new ShowDiagnosticsStatement(optionalModule());
    }

    private String optionalModule() {
        return accept(Token.FOR) ? parseString() : "";
    }
}
