package io.shardline.meta.service;

import io.shardline.common.auth.PasswordHashes;
import io.shardline.common.error.ShardlineException;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.UserInfo;
import io.shardline.proto.meta.CreateUserRequest;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 1.x's idempotent CREATE USER: creating a user that exists with the same password and admin flag
 * succeeds without a change ({@code services/meta/client.go}); anything else is logged and fails there
 * with {@code user already exists}. Checked before hashing, on the receiving meta node. Stateless.
 */
final class UserCreation {

    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");

    private UserCreation() {
    }

    /** The existing user if {@code request} would create exactly it again. Costs one bcrypt check. */
    static Optional<UserInfo> existingSameUser(ClusterMetadata metadata, CreateUserRequest request) {
        return metadata.user(request.getName())
                .filter(u -> u.admin() == request.getAdmin())
                .filter(u -> request.getHash().isEmpty() ? PasswordHashes.matches(u.hash(), request.getPassword())
                        : u.hash().equals(request.getHash()));
    }

    /**
     * The hash of a user restored from a backup, as 1.x stores it ({@code $2a$10$} and 53 characters).
     *
     * @throws ShardlineException {@code INVALID_ARGUMENT} for anything else, or with a password too
     */
    static String restoredHash(CreateUserRequest request) {
        String hash = request.getHash();
        if (!request.getPassword().isEmpty() || !BCRYPT.matcher(hash).matches()) {
            throw ShardlineException.invalid("user " + request.getName() + ": a restored user needs a bcrypt hash"
                    + " ($2a$, $2b$ or $2y$, 60 characters) and no password");
        }
        return hash;
    }
}
