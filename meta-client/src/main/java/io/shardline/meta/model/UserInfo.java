package io.shardline.meta.model;

import io.shardline.common.auth.StoredUser;
import io.shardline.common.auth.Privilege;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A user of the cluster: name, bcrypt hash of the password (never the password), whether it is an
 * admin, and its privileges by database (a revoked privilege stays as {@code NO PRIVILEGES}, as in
 * 1.x). Immutable.
 */
public record UserInfo(String name, String hash, boolean admin, SortedMap<String, Privilege> privileges)
        implements StoredUser {

    public UserInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hash, "hash");
        privileges = Collections.unmodifiableSortedMap(new TreeMap<>(privileges));
    }

    /** A new user without database privileges. */
    public static UserInfo of(String name, String hash, boolean admin) {
        return new UserInfo(name, hash, admin, new TreeMap<>());
    }

    /** The privilege on {@code database} ({@code NO PRIVILEGES} when none was ever granted). */
    public Privilege privilege(String database) {
        return privileges.getOrDefault(database, Privilege.NO_PRIVILEGES);
    }

    /** 1.x's {@code AuthorizeDatabase}: admins may do anything; otherwise the database's privilege decides. */
    @Override
    public boolean authorizeDatabase(Privilege wanted, String database) {
        return admin || wanted == Privilege.NO_PRIVILEGES
                || (privileges.containsKey(database) && privileges.get(database).grants(wanted));
    }

    public UserInfo withHash(String newHash) {
        return new UserInfo(name, newHash, admin, privileges);
    }

    public UserInfo withAdmin(boolean newAdmin) {
        return new UserInfo(name, hash, newAdmin, privileges);
    }

    public UserInfo withPrivilege(String database, Privilege privilege) {
        TreeMap<String, Privilege> next = new TreeMap<>(privileges);
        next.put(database, privilege);
        return new UserInfo(name, hash, admin, next);
    }

    /** This user without any privilege on {@code database} (the database was dropped). */
    public UserInfo withoutDatabase(String database) {
        if (!privileges.containsKey(database)) {
            return this;
        }
        TreeMap<String, Privilege> next = new TreeMap<>(privileges);
        next.remove(database);
        return new UserInfo(name, hash, admin, next);
    }

    /** Never prints the hash. */
    @Override
    public String toString() {
        return "UserInfo[name=" + name + ", admin=" + admin + ", privileges=" + privileges + "]";
    }
}
