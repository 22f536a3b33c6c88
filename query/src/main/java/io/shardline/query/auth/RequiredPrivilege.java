package io.shardline.query.auth;

import io.shardline.common.auth.Privilege;

/**
 * One privilege a statement needs (1.x's {@code ExecutionPrivilege}): admin, or {@code privilege} on
 * {@code database}, where an empty database means the {@code db} the query was sent with.
 */
public record RequiredPrivilege(boolean admin, String database, Privilege privilege) {

    public RequiredPrivilege {
        database = database == null ? "" : database;
    }

    static RequiredPrivilege adminOnly() {
        return new RequiredPrivilege(true, "", Privilege.ALL);
    }

    static RequiredPrivilege on(String database, Privilege privilege) {
        return new RequiredPrivilege(false, database, privilege);
    }
}
