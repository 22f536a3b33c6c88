package io.shardline.datanode.query;

import io.shardline.common.error.ShardlineException;
import io.shardline.meta.model.UserInfo;
import io.shardline.query.ast.CreateUserStatement;
import io.shardline.query.ast.DropUserStatement;
import io.shardline.query.ast.GrantAdminStatement;
import io.shardline.query.ast.GrantStatement;
import io.shardline.query.ast.RevokeAdminStatement;
import io.shardline.query.ast.RevokeStatement;
import io.shardline.query.ast.SetPasswordUserStatement;
import io.shardline.query.ast.ShowGrantsForUserStatement;
import io.shardline.query.ast.ShowUsersStatement;
import io.shardline.query.ast.Statement;
import io.shardline.query.result.Series;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the user and privilege statements against the meta nodes, with 1.x's results: {@code SHOW USERS}
 * is one unnamed series {@code user, admin} in creation order, {@code SHOW GRANTS FOR} one unnamed series
 * {@code database, privilege} (sorted by database; 1.x's order is random), both without values when
 * empty. Changes refresh the view, so the next statement and the next request's authentication see them.
 * Thread-safe.
 */
final class UserStatements {

    private final MetaStatements.Meta meta;

    UserStatements(MetaStatements.Meta meta) {
        this.meta = meta;
    }

    static boolean handles(Statement s) {
        return s instanceof CreateUserStatement || s instanceof DropUserStatement
                || s instanceof SetPasswordUserStatement || s instanceof GrantStatement
                || s instanceof GrantAdminStatement || s instanceof RevokeStatement
                || s instanceof RevokeAdminStatement || s instanceof ShowUsersStatement
                || s instanceof ShowGrantsForUserStatement;
    }

    List<Series> execute(Statement s) {
        if (s instanceof ShowUsersStatement) {
            List<List<Object>> rows = new ArrayList<>();
            for (UserInfo u : meta.view().users()) {
                rows.add(List.of(u.name(), u.admin()));
            }
            return List.of(Series.of("", null, List.of("user", "admin"), rows));
        }
        if (s instanceof ShowGrantsForUserStatement g) {
            UserInfo user = meta.view().user(g.name()).orElseThrow(() -> ShardlineException.notFound("user not found"));
            List<List<Object>> rows = new ArrayList<>();
            user.privileges().forEach((db, p) -> rows.add(List.of(db, p.text())));
            return List.of(Series.of("", null, List.of("database", "privilege"), rows));
        }
        change(s);
        meta.refresh();
        return List.of();
    }

    private void change(Statement s) {
        if (s instanceof CreateUserStatement c) {
            meta.changes().createUser(c.name(), c.password(), c.admin());
        } else if (s instanceof DropUserStatement d) {
            meta.changes().dropUser(d.name());
        } else if (s instanceof SetPasswordUserStatement p) {
            meta.changes().setPassword(p.name(), p.password());
        } else if (s instanceof GrantStatement g) {
            meta.changes().setPrivilege(g.user(), g.database(), g.privilege(), false);
        } else if (s instanceof RevokeStatement r) {
            meta.changes().setPrivilege(r.user(), r.database(), r.privilege(), true);
        } else if (s instanceof GrantAdminStatement g) {
            meta.changes().setAdmin(g.user(), true);
        } else if (s instanceof RevokeAdminStatement r) {
            meta.changes().setAdmin(r.user(), false);
        }
    }
}
