package io.shardline.query.parse;

import io.shardline.common.auth.Privilege;
import io.shardline.query.ast.CreateUserStatement;
import io.shardline.query.ast.GrantAdminStatement;
import io.shardline.query.ast.GrantStatement;
import io.shardline.query.ast.RevokeAdminStatement;
import io.shardline.query.ast.RevokeStatement;
import io.shardline.query.ast.SetPasswordUserStatement;
import io.shardline.query.ast.Statement;
import java.util.List;
import java.util.function.Function;

/**
 * The user and privilege statements (CREATE USER, SET PASSWORD FOR, GRANT, REVOKE), ports of 1.x's
 * {@code parseCreateUserStatement} ... {@code parseRevokeStatement} with their exact errors; the leading
 * keywords are already consumed.
 */
final class UserParser extends ParserBase {

    UserParser(TokenStream ts) {
        super(ts);
    }

    CreateUserStatement createUser() {
        String name = parseIdent();
        expect(Token.WITH);
        expect(Token.PASSWORD);
        String password = parseString();
        if (ts.scanIgnoreWhitespace().tok() != Token.WITH) {
            ts.unscan();
            return new CreateUserStatement(name, password, false);
        }
        expect(Token.ALL);
        expect(Token.PRIVILEGES);
        return new CreateUserStatement(name, password, true);
    }

    SetPasswordUserStatement setPassword() {
        String name = parseIdent();
        expect(Token.EQ);
        return new SetPasswordUserStatement(name, parseString());
    }

    Statement grant() {
        return privilegeChange(Token.TO, GrantStatement::new, GrantAdminStatement::new);
    }

    Statement revoke() {
        return privilegeChange(Token.FROM, RevokeStatement::new, RevokeAdminStatement::new);
    }

    /** What GRANT and REVOKE build on a database, and for ALL PRIVILEGES without one (admin). */
    private interface OnDatabase {
        Statement of(Privilege privilege, String database, String user);
    }

    /** {@code parseGrantStatement} / {@code parseRevokeStatement}: {@code <privilege> ON db TO|FROM user} or admin. */
    private Statement privilegeChange(Token userKeyword, OnDatabase onDatabase, Function<String, Statement> admin) {
        Privilege privilege = privilege();
        Lexeme l = ts.scanIgnoreWhitespace();
        if (l.tok() == Token.ON) {
            String db = parseIdent();
            expect(userKeyword);
            return onDatabase.of(privilege, db, parseIdent());
        } else if (l.tok() == userKeyword) {
            if (privilege != Privilege.ALL) {
                throw ParseException.expected(l, "ON");
            }
            return admin.apply(parseIdent());
        }
        throw privilege == Privilege.ALL ? ParseException.expected(l, "ON", userKeyword.text())
                : ParseException.expected(l, "ON");
    }

    /** {@code parsePrivilege}: READ, WRITE or ALL with an optional PRIVILEGES. */
    private Privilege privilege() {
        Lexeme l = ts.scanIgnoreWhitespace();
        switch (l.tok()) {
            case READ:
                return Privilege.READ;
            case WRITE:
                return Privilege.WRITE;
            case ALL:
                if (ts.scanIgnoreWhitespace().tok() != Token.PRIVILEGES) {
                    ts.unscan();
                }
                return Privilege.ALL;
            default:
                throw ParseException.expected(Token.tokstr(l.tok(), l.lit()), List.of("READ", "WRITE",
                        "ALL [PRIVILEGES]"), l.line(), l.ch());
        }
    }

    private void expect(Token t) {
        Lexeme l = ts.scanIgnoreWhitespace();
        if (l.tok() != t) {
            throw ParseException.expected(l, t.text());
        }
    }
}
