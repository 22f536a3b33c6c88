package io.shardline.query.parse;

import io.shardline.query.ast.CreateContinuousQueryStatement;
import io.shardline.query.ast.DropContinuousQueryStatement;
import io.shardline.query.ast.GroupByTime;
import io.shardline.query.ast.InfluxDuration;
import io.shardline.query.ast.SelectStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CREATE CONTINUOUS QUERY} and {@code DROP CONTINUOUS QUERY} (1.x's {@code parseCreateContinuousQueryStatement},
 * {@code parseResample} and {@code validate}); the leading keywords are already consumed.
 */
final class ContinuousQueryParser extends ParserBase {

    private final SelectParser select;

    ContinuousQueryParser(TokenStream ts, SelectParser select) {
        super(ts);
        this.select = select;
    }

    CreateContinuousQueryStatement create() {
        String name = parseIdent();
        Lexeme l = ts.scanIgnoreWhitespace();
        if (l.tok() != Token.ON) {
            throw ParseException.expected(l, "ON");
        }
        String database = parseIdent();
        long[] resample = {0, 0};
        if (ts.scanIgnoreWhitespace().tok() == Token.RESAMPLE) {
            resample = parseResample();
        } else {
            ts.unscan();
        }
        parseTokens(Token.BEGIN, Token.SELECT);
        SelectStatement source = select.parseSelect(true);
        long interval = 0;
        String intervalError = null;
        try {
            interval = groupByInterval(source);
        } catch (IllegalArgumentException e) {
            intervalError = e.getMessage();
        }
        if (!source.isRawQuery() && (interval == 0 || intervalError != null)) {
            // 1.x points at the last token of the SELECT.
            ts.unscan();
            ts.unscan();
            Lexeme last = ts.scanIgnoreWhitespace();
            List<String> expected = new ArrayList<>(List.of("GROUP BY time(...)"));
            if (intervalError != null) {
                expected.add(intervalError);
            }
            throw ParseException.expected(Token.tokstr(last.tok(), last.lit()), expected, last.line(), last.ch());
        }
        l = ts.scanIgnoreWhitespace();
        if (l.tok() != Token.END) {
            throw ParseException.expected(l, "END");
        }
        validate(resample[0], resample[1], source);
        return new CreateContinuousQueryStatement(name, database, resample[0], resample[1], source);
    }

    DropContinuousQueryStatement drop() {
        String name = parseIdent();
        Lexeme l = ts.scanIgnoreWhitespace();
        if (l.tok() != Token.ON) {
            throw ParseException.expected(l, "ON");
        }
        return new DropContinuousQueryStatement(name, parseIdent());
    }

    /** {@code RESAMPLE [EVERY d] [FOR d]}: {every, for} in nanoseconds, at least one of them given. */
    private long[] parseResample() {
        long every = optionalDuration(Token.EVERY);
        long max = optionalDuration(Token.FOR);
        if (every == 0 && max == 0) {
            Lexeme l = ts.scanIgnoreWhitespace();
            throw ParseException.expected(l, "EVERY", "FOR");
        }
        return new long[] {every, max};
    }

    private long optionalDuration(Token keyword) {
        if (ts.scanIgnoreWhitespace().tok() != keyword) {
            ts.unscan();
            return 0;
        }
        Lexeme l = ts.scanIgnoreWhitespace();
        if (l.tok() != Token.DURATIONVAL) {
            throw ParseException.expected(l, "duration");
        }
        try {
            return InfluxDuration.parse(l.lit());
        } catch (IllegalArgumentException e) {
            throw ParseException.at(e.getMessage(), l.line(), l.ch());
        }
    }

    /** 1.x's {@code CreateContinuousQueryStatement.validate}: FOR must cover the interval (or EVERY if longer). */
    private static void validate(long every, long max, SelectStatement source) {
        if (max == 0) {
            return;
        }
        long interval = groupByInterval(source);
        if (every != 0 && every > interval) {
            interval = every;
        }
        if (interval > max) {
            throw ParseException.plain("FOR duration must be >= GROUP BY time duration: must be a minimum of "
                    + InfluxDuration.format(interval) + ", got " + InfluxDuration.format(max));
        }
    }

    private static long groupByInterval(SelectStatement s) {
        return GroupByTime.of(s).interval();
    }
}
