package io.shardline.common.auth;

/** A user as the cluster stores it: a {@link Principal} plus the bcrypt hash of its password. */
public interface StoredUser extends Principal {

    String hash();
}
