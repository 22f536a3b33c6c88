package io.shardline.meta.service;

import io.shardline.common.auth.PasswordHashes;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.UserInfo;
import io.shardline.proto.meta.CreateUserRequest;
import java.util.Optional;

/**
 * 1.x's idempotent CREATE USER: creating a user that exists with the same password and admin flag
 * succeeds without a change ({@code services/meta/client.go}); anything else is logged and fails there
 * with {@code user already exists}. Checked before hashing, on the receiving meta node. Stateless.
 */
final class UserCreation {

    private UserCreation() {
    }

    /** The existing user if {@code request} would create exactly it again. Costs one bcrypt check. */
    static Optional<UserInfo> existingSameUser(ClusterMetadata metadata, CreateUserRequest request) {
        return metadata.user(request.getName())
                .filter(u -> u.admin() == request.getAdmin())
                .filter(u -> PasswordHashes.matches(u.hash(), request.getPassword()));
    }
}
