package io.shardline.query.parse;

/**
 * The InfluxQL lexer, following 1.x's scanner rune by rune (token boundaries, literal texts and positions all
 * feed into the exact error messages). Single-threaded.
 */
final class Scanner {

    private final RuneReader r;

    Scanner(RuneReader reader) {
        this.r = reader;
    }

    RuneReader reader() {
        return r;
    }

    /** The next token. */
    Lexeme scan() {
        int ch0 = r.read();
        int line = r.line();
        int pos = r.ch();
        if (isWhitespace(ch0)) {
            return scanWhitespace();
        } else if (isLetter(ch0) || ch0 == '_') {
            r.unread();
            return scanIdent(true);
        } else if (isDigit(ch0)) {
            return scanNumber();
        }
        switch (ch0) {
            case RuneReader.EOF:
                return new Lexeme(Token.EOF, line, pos, "");
            case '"':
                r.unread();
                return scanIdent(true);
            case '\'':
                return scanString();
            case '.': {
                int ch1 = r.read();
                r.unread();
                if (isDigit(ch1)) {
                    return scanNumber();
                }
                return new Lexeme(Token.DOT, line, pos, "");
            }
            case '$': {
                Lexeme id = scanIdent(false);
                Token t = id.tok() != Token.IDENT ? id.tok() : Token.BOUNDPARAM;
                return new Lexeme(t, line, pos, "$" + id.lit());
            }
            default:
                return scanOperator(ch0, line, pos);
        }
    }

    private Lexeme scanOperator(int ch0, int line, int pos) {
        Token t = switch (ch0) {
            case '+' -> Token.ADD;
            case '-' -> {
                if (r.read() == '-') {
                    skipUntilNewline();
                    yield Token.COMMENT;
                }
                r.unread();
                yield Token.SUB;
            }
            case '*' -> Token.MUL;
            case '/' -> {
                if (r.read() == '*') {
                    yield skipUntilEndComment() ? Token.COMMENT : Token.ILLEGAL;
                }
                r.unread();
                yield Token.DIV;
            }
            case '%' -> Token.MOD;
            case '&' -> Token.BITWISE_AND;
            case '|' -> Token.BITWISE_OR;
            case '^' -> Token.BITWISE_XOR;
            case '=' -> twoChar('~', Token.EQREGEX, Token.EQ);
            case '!' -> bang();
            case '>' -> twoChar('=', Token.GTE, Token.GT);
            case '<' -> less();
            case '(' -> Token.LPAREN;
            case ')' -> Token.RPAREN;
            case ',' -> Token.COMMA;
            case ';' -> Token.SEMICOLON;
            case ':' -> twoChar(':', Token.DOUBLECOLON, Token.COLON);
            default -> null;
        };
        if (t == null) {
            return new Lexeme(Token.ILLEGAL, line, pos, new String(Character.toChars(ch0)));
        }
        return new Lexeme(t, line, pos, "");
    }

    private Token twoChar(int second, Token ifSecond, Token otherwise) {
        if (r.read() == second) {
            return ifSecond;
        }
        r.unread();
        return otherwise;
    }

    private Token bang() {
        int ch1 = r.read();
        if (ch1 == '=') {
            return Token.NEQ;
        } else if (ch1 == '~') {
            return Token.NEQREGEX;
        }
        r.unread();
        return null;
    }

    private Token less() {
        int ch1 = r.read();
        if (ch1 == '=') {
            return Token.LTE;
        } else if (ch1 == '>') {
            return Token.NEQ;
        }
        r.unread();
        return Token.LT;
    }

    private Lexeme scanWhitespace() {
        int line = r.line();
        int pos = r.ch();
        StringBuilder b = new StringBuilder().appendCodePoint(r.curr());
        while (true) {
            int c = r.read();
            if (c == RuneReader.EOF) {
                break;
            } else if (!isWhitespace(c)) {
                r.unread();
                break;
            }
            b.appendCodePoint(c);
        }
        return new Lexeme(Token.WS, line, pos, b.toString());
    }

    private void skipUntilNewline() {
        while (true) {
            int c = r.read();
            if (c == '\n' || c == RuneReader.EOF) {
                return;
            }
        }
    }

    private boolean skipUntilEndComment() {
        while (true) {
            int c1 = r.read();
            if (c1 == '*') {
                while (true) {
                    int c2 = r.read();
                    if (c2 == '/') {
                        return true;
                    } else if (c2 == RuneReader.EOF) {
                        return false;
                    } else if (c2 != '*') {
                        break;
                    }
                }
            } else if (c1 == RuneReader.EOF) {
                return false;
            }
        }
    }

    private Lexeme scanIdent(boolean lookup) {
        r.read();
        int line = r.line();
        int pos = r.ch();
        r.unread();
        StringBuilder b = new StringBuilder();
        while (true) {
            int c = r.read();
            if (c == RuneReader.EOF) {
                break;
            } else if (c == '"') {
                Lexeme s = scanString();
                if (s.tok() == Token.BADSTRING || s.tok() == Token.BADESCAPE) {
                    return s;
                }
                return new Lexeme(Token.IDENT, line, pos, s.lit());
            } else if (isIdentChar(c)) {
                r.unread();
                scanBareIdent(b);
            } else {
                r.unread();
                break;
            }
        }
        String lit = b.toString();
        if (lookup) {
            Token t = Token.lookup(lit);
            if (t != Token.IDENT) {
                return new Lexeme(t, line, pos, "");
            }
        }
        return new Lexeme(Token.IDENT, line, pos, lit);
    }

    private void scanBareIdent(StringBuilder b) {
        while (true) {
            int c = r.read();
            if (c == RuneReader.EOF) {
                break;
            } else if (!isIdentChar(c)) {
                r.unread();
                break;
            }
            b.appendCodePoint(c);
        }
    }

    /** Scans a string whose opening quote was just read; 1.x's {@code ScanString}. */
    private Lexeme scanString() {
        r.unread();
        int line = r.line();
        int pos = r.ch();
        int ending = r.read();
        StringBuilder b = new StringBuilder();
        while (true) {
            int c0 = r.read();
            if (c0 == ending) {
                return new Lexeme(Token.STRING, line, pos, b.toString());
            } else if (c0 == RuneReader.EOF || c0 == '\n') {
                return new Lexeme(Token.BADSTRING, line, pos, b.toString());
            } else if (c0 == '\\') {
                int c1 = r.read();
                switch (c1) {
                    case 'n' -> b.append('\n');
                    case '\\' -> b.append('\\');
                    case '"' -> b.append('"');
                    case '\'' -> b.append('\'');
                    default -> {
                        String lit = "\\" + (c1 == RuneReader.EOF ? "\u0000" : new String(Character.toChars(c1)));
                        return new Lexeme(Token.BADESCAPE, r.line(), r.ch(), lit);
                    }
                }
            } else {
                b.appendCodePoint(c0);
            }
        }
    }

    /** 1.x's {@code ScanRegex}: the '/'-delimited text starting at the current rune. */
    Lexeme scanRegex() {
        int line = r.line();
        int pos = r.ch();
        if (r.read() != '/') {
            return new Lexeme(Token.BADREGEX, line, pos, "");
        }
        StringBuilder b = new StringBuilder();
        while (true) {
            int c0 = r.read();
            if (c0 == '/') {
                return new Lexeme(Token.REGEX, line, pos, b.toString());
            } else if (c0 == RuneReader.EOF || c0 == '\n') {
                return new Lexeme(Token.BADREGEX, line, pos, "");
            } else if (c0 == '\\') {
                int c1 = r.read();
                if (c1 == RuneReader.EOF) {
                    return new Lexeme(Token.BADREGEX, line, pos, "");
                }
                if (c1 == '/') {
                    b.append('/');
                } else {
                    r.unread();
                    b.append('\\');
                }
            } else {
                b.appendCodePoint(c0);
            }
        }
    }

    private Lexeme scanNumber() {
        int line = r.line();
        int pos = r.ch();
        r.unread();
        StringBuilder b = new StringBuilder();
        scanDigits(b);
        boolean decimal = false;
        int c0 = r.read();
        if (c0 == '.') {
            decimal = true;
            int c1 = r.read();
            if (isDigit(c1)) {
                b.append('.').appendCodePoint(c1);
                scanDigits(b);
            } else {
                r.unread();
            }
        } else {
            r.unread();
        }
        if (decimal) {
            return new Lexeme(Token.NUMBER, line, pos, b.toString());
        }
        c0 = r.read();
        if (isLetter(c0) || c0 == 'µ') {
            b.appendCodePoint(c0);
            while (true) {
                int c = r.read();
                if (!isLetter(c) && c != 'µ' && !isDigit(c)) {
                    r.unread();
                    break;
                }
                b.appendCodePoint(c);
            }
            return new Lexeme(Token.DURATIONVAL, line, pos, b.toString());
        }
        r.unread();
        return new Lexeme(Token.INTEGER, line, pos, b.toString());
    }

    private void scanDigits(StringBuilder b) {
        while (true) {
            int c = r.read();
            if (!isDigit(c)) {
                r.unread();
                return;
            }
            b.appendCodePoint(c);
        }
    }

    static boolean isWhitespace(int c) {
        return c == ' ' || c == '\t' || c == '\n';
    }

    static boolean isLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentChar(int c) {
        return isLetter(c) || isDigit(c) || c == '_';
    }
}
