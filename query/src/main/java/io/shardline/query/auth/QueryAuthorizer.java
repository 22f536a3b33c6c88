package io.shardline.query.auth;

import io.shardline.common.auth.Principal;
import io.shardline.query.ast.CreateUserStatement;
import io.shardline.query.ast.Query;
import io.shardline.query.ast.Statement;
import java.util.Optional;

/**
 * Decides whether a user may run a query, as 1.x's {@code QueryAuthorizer.AuthorizeQuery}: with no user
 * in the cluster only a query whose first statement creates an admin user is allowed; otherwise a user
 * is required, admins may run anything, and every statement's {@link RequiredPrivileges} must be held
 * (an empty database meaning the query's {@code db}). The refusal text is what 1.x puts after
 * {@code error authorizing query: }. Stateless and pure.
 */
public final class QueryAuthorizer {

    /** 1.x's bootstrap message. */
    public static final String CREATE_ADMIN_FIRST = "create admin user first or disable authentication";

    private QueryAuthorizer() {
    }

    /**
     * @param user the authenticated user, empty when the request carried none (allowed only before
     *     an admin exists)
     * @param userCount how many users the cluster has
     * @return empty if allowed, else the refusal text
     */
    public static Optional<String> refusal(Optional<? extends Principal> user, int userCount, Query query,
                                           String database) {
        if (userCount == 0) {
            if (!query.statements().isEmpty() && query.statements().get(0) instanceof CreateUserStatement c
                    && c.admin()) {
                return Optional.empty();
            }
            return Optional.of(CREATE_ADMIN_FIRST);
        }
        if (user.isEmpty()) {
            return Optional.of("no user provided");
        }
        Principal u = user.get();
        if (u.admin()) {
            return Optional.empty();
        }
        for (Statement s : query.statements()) {
            for (RequiredPrivilege p : RequiredPrivileges.of(s)) {
                if (p.admin()) {
                    return Optional.of(u.name() + " not authorized to execute statement '" + s
                            + "', requires admin privilege");
                }
                String db = p.database().isEmpty() ? (database == null ? "" : database) : p.database();
                if (!u.authorizeDatabase(p.privilege(), db)) {
                    return Optional.of(u.name() + " not authorized to execute statement '" + s + "', requires "
                            + p.privilege().text() + " on " + db);
                }
            }
        }
        return Optional.empty();
    }
}
