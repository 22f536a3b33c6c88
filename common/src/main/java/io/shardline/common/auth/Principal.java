package io.shardline.common.auth;

/**
 * An authenticated user as the authorization rules see it: its name, whether it is an admin, and what
 * it may do on a database (1.x's {@code meta.User}). Implementations are immutable.
 */
public interface Principal {

    String name();

    boolean admin();

    /** 1.x's {@code AuthorizeDatabase}: admins may do anything; NO PRIVILEGES needs nothing. */
    boolean authorizeDatabase(Privilege wanted, String database);
}
