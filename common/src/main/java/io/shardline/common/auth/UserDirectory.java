package io.shardline.common.auth;

import java.util.Optional;

/** Where authentication looks users up (a data node: its cluster view). Thread-safe. */
public interface UserDirectory {

    Optional<? extends StoredUser> user(String name);

    /** 1.x authenticates HTTP requests only once an admin user exists. */
    boolean adminUserExists();

    int userCount();
}
