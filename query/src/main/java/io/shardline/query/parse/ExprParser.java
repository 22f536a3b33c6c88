package io.shardline.query.parse;

import io.shardline.query.ast.BinaryExpr;
import io.shardline.query.ast.BooleanLiteral;
import io.shardline.query.ast.Call;
import io.shardline.query.ast.DataType;
import io.shardline.query.ast.Distinct;
import io.shardline.query.ast.DurationLiteral;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.InfluxDuration;
import io.shardline.query.ast.IntegerLiteral;
import io.shardline.query.ast.NumberLiteral;
import io.shardline.query.ast.Operator;
import io.shardline.query.ast.ParenExpr;
import io.shardline.query.ast.RegexLiteral;
import io.shardline.query.ast.StringLiteral;
import io.shardline.query.ast.UnsignedLiteral;
import io.shardline.query.ast.VarRef;
import io.shardline.query.ast.Wildcard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Expression parsing: 1.x's {@code ParseExpr} precedence climbing, unary expressions, calls, regexes. */
class ExprParser extends ParserBase {

    ExprParser(TokenStream ts) {
        super(ts);
    }

    /** Mutable binary node used while building the tree, as 1.x rewrites its root in place. */
    private static final class Bin {
        final Operator op;
        Object lhs;
        Object rhs;

        Bin(Operator op, Object lhs, Object rhs) {
            this.op = op;
            this.lhs = lhs;
            this.rhs = rhs;
        }
    }

    /** {@code ParseExpr}. */
    Expr parseExpr() {
        Bin root = new Bin(null, null, parseUnaryExpr());
        while (true) {
            Lexeme opTok = ts.scanIgnoreWhitespace();
            if (!opTok.tok().isOperator()) {
                ts.unscan();
                return freeze(root.rhs);
            }
            Operator op = opTok.tok().operator();
            Expr rhs;
            if (op.isRegex()) {
                rhs = parseRegex();
                if (rhs == null) {
                    throw ParseException.expected(ts.scanIgnoreWhitespace(), "regex");
                }
            } else {
                rhs = parseUnaryExpr();
            }
            Bin node = root;
            while (true) {
                if (!(node.rhs instanceof Bin r) || r.op.precedence() >= op.precedence()) {
                    node.rhs = new Bin(op, node.rhs, rhs);
                    break;
                }
                node = r;
            }
        }
    }

    private static Expr freeze(Object o) {
        if (o instanceof Bin b) {
            return new BinaryExpr(b.op, freeze(b.lhs), freeze(b.rhs));
        }
        return (Expr) o;
    }

    /** {@code parseUnaryExpr}. */
    Expr parseUnaryExpr() {
        if (ts.scanIgnoreWhitespace().tok() == Token.LPAREN) {
            Expr e = parseExpr();
            Lexeme l = ts.scanIgnoreWhitespace();
            if (l.tok() != Token.RPAREN) {
                throw ParseException.expected(l, ")");
            }
            return new ParenExpr(e);
        }
        ts.unscan();
        Lexeme l = ts.scanIgnoreWhitespace();
        return switch (l.tok()) {
            case IDENT -> identOrCall(l);
            case DISTINCT -> distinct();
            case STRING -> new StringLiteral(l.lit());
            case NUMBER -> number(l);
            case INTEGER -> integer(l);
            case TRUE, FALSE -> new BooleanLiteral(l.tok() == Token.TRUE);
            case DURATIONVAL -> duration(l);
            case MUL -> wildcard();
            case REGEX -> regexLiteral(l);
            case BOUNDPARAM -> throw boundParamError(l);
            case ADD, SUB -> signed(l.tok() == Token.SUB);
            default -> throw ParseException.expected(l, "identifier", "string", "number", "bool");
        };
    }

    private Expr identOrCall(Lexeme l) {
        if (ts.scan().tok() == Token.LPAREN) {
            return parseCall(l.lit());
        }
        ts.unscan();
        ts.unscan();
        return parseVarRef();
    }

    private Expr distinct() {
        Lexeme l0 = ts.scan();
        if (l0.tok() == Token.LPAREN) {
            return parseCall("distinct");
        } else if (l0.tok() == Token.WS) {
            Lexeme l1 = ts.scanIgnoreWhitespace();
            if (l1.tok() != Token.IDENT) {
                throw ParseException.expected(l1, "identifier");
            }
            return new Distinct(l1.lit());
        }
        throw ParseException.expected(l0, "(", "identifier");
    }

    private static Expr number(Lexeme l) {
        double v;
        try {
            v = Double.parseDouble(l.lit());
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!Double.isFinite(v)) {
            throw ParseException.at("unable to parse number", l.line(), l.ch());
        }
        return new NumberLiteral(v);
    }

    private static Expr integer(Lexeme l) {
        try {
            return new IntegerLiteral(Long.parseLong(l.lit()));
        } catch (NumberFormatException e) {
            try {
                return new UnsignedLiteral(Long.parseUnsignedLong(l.lit()));
            } catch (NumberFormatException e2) {
                throw ParseException.at("unable to parse integer", l.line(), l.ch());
            }
        }
    }

    private static Expr duration(Lexeme l) {
        try {
            return new DurationLiteral(InfluxDuration.parse(l.lit()));
        } catch (IllegalArgumentException e) {
            throw ParseException.plain(e.getMessage());
        }
    }

    private Expr wildcard() {
        if (ts.scan().tok() == Token.DOUBLECOLON) {
            Lexeme l = ts.scan();
            return switch (l.tok()) {
                case FIELD -> new Wildcard(DataType.FIELD);
                case TAG -> new Wildcard(DataType.TAG);
                default -> throw ParseException.expected(l, "field", "tag");
            };
        }
        ts.unscan();
        return new Wildcard(DataType.UNKNOWN);
    }

    private static Expr regexLiteral(Lexeme l) {
        try {
            return new RegexLiteral(l.lit(), RegexCompiler.compile(l.lit()));
        } catch (IllegalArgumentException e) {
            throw ParseException.at(e.getMessage(), l.line(), l.ch());
        }
    }

    private static ParseException boundParamError(Lexeme l) {
        String k = l.lit().substring(1);
        if (k.isEmpty()) {
            return ParseException.plain("empty bound parameter");
        }
        return ParseException.plain("missing parameter: " + k);
    }

    private Expr signed(boolean negative) {
        Lexeme l0 = ts.scanIgnoreWhitespace();
        switch (l0.tok()) {
            case NUMBER, INTEGER, DURATIONVAL, LPAREN, IDENT -> ts.unscan();
            default -> throw ParseException.expected(l0, "identifier", "number", "duration", "(");
        }
        Expr e = parseUnaryExpr();
        int mul = negative ? -1 : 1;
        if (e instanceof NumberLiteral n) {
            return new NumberLiteral(n.value() * mul);
        } else if (e instanceof IntegerLiteral i) {
            return new IntegerLiteral(i.value() * mul);
        } else if (e instanceof UnsignedLiteral u) {
            if (!negative) {
                return u;
            } else if (u.bits() == Long.MIN_VALUE) {
                return new IntegerLiteral(Long.MIN_VALUE);
            }
            throw ParseException.plain("constant -" + Long.toUnsignedString(u.bits()) + " underflows int64");
        } else if (e instanceof DurationLiteral d) {
            return new DurationLiteral(d.nanos() * mul);
        }
        return new BinaryExpr(Operator.MUL, new IntegerLiteral(mul), e);
    }

    /** {@code ParseVarRef}: segmented identifiers with an optional {@code ::type}. */
    VarRef parseVarRef() {
        List<String> segments = parseSegmentedIdents();
        DataType type = DataType.UNKNOWN;
        if (ts.scan().tok() == Token.DOUBLECOLON) {
            Lexeme l = ts.scan();
            type = switch (l.tok()) {
                case IDENT -> switch (l.lit().toLowerCase(Locale.ROOT)) {
                    case "float" -> DataType.FLOAT;
                    case "integer" -> DataType.INTEGER;
                    case "unsigned" -> DataType.UNSIGNED;
                    case "string" -> DataType.STRING;
                    case "boolean" -> DataType.BOOLEAN;
                    default -> throw ParseException.expected(l, "float", "integer", "unsigned", "string",
                            "boolean", "field", "tag");
                };
                case FIELD -> DataType.FIELD;
                case TAG -> DataType.TAG;
                default -> throw ParseException.expected(l, "float", "integer", "string", "boolean", "field",
                        "tag");
            };
        } else {
            ts.unscan();
        }
        return new VarRef(String.join(".", segments), type);
    }

    /** {@code parseRegex}: a {@code /regex/} if one starts at the next non-blank rune, else null. */
    RegexLiteral parseRegex() {
        if (Scanner.isWhitespace(ts.peekRune())) {
            ts.consumeWhitespace();
        }
        int next = ts.peekRune();
        if (next == '$') {
            Token t = ts.scan().tok();
            ts.unscan();
            if (t != Token.REGEX) {
                return null;
            }
        } else if (next != '/') {
            return null;
        }
        Lexeme l = ts.scanRegex();
        if (l.tok() == Token.BADESCAPE) {
            throw ParseException.at("bad escape: " + l.lit(), l.line(), l.ch());
        } else if (l.tok() == Token.BADREGEX) {
            throw ParseException.at("bad regex: " + l.lit(), l.line(), l.ch());
        } else if (l.tok() != Token.REGEX) {
            throw ParseException.expected(l, "regex");
        }
        return (RegexLiteral) regexLiteral(l);
    }

    /** {@code parseCall}: arguments after {@code name(} up to the closing parenthesis. */
    Call parseCall(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        List<Expr> args = new ArrayList<>();
        RegexLiteral re = parseRegex();
        if (re != null) {
            args.add(re);
        } else {
            if (ts.scan().tok() == Token.RPAREN) {
                return new Call(lower, List.of());
            }
            ts.unscan();
            args.add(parseExpr());
        }
        while (true) {
            if (ts.scanIgnoreWhitespace().tok() != Token.COMMA) {
                ts.unscan();
                break;
            }
            re = parseRegex();
            args.add(re != null ? re : parseExpr());
        }
        Lexeme l = ts.scan();
        if (l.tok() != Token.RPAREN) {
            throw ParseException.expected(l, ")");
        }
        return new Call(lower, args);
    }
}
