package io.shardline.meta.state;

import io.shardline.common.auth.Privilege;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.UserInfo;
import java.util.Optional;

/**
 * User and privilege commands with InfluxDB 1.x's semantics and error texts ({@code services/meta/data.go}):
 * users keep their creation order, a revoked privilege stays listed as {@code NO PRIVILEGES}, and passwords
 * arrive already hashed. Stateless and pure.
 */
final class UserCommands {

    private UserCommands() {
    }

    static Outcome create(ClusterMetadata meta, MetaCommand.CreateUser c) {
        if (c.name().isEmpty()) {
            return MetaErrors.invalid(MetaErrors.USERNAME_REQUIRED);
        }
        if (meta.user(c.name()).isPresent()) {
            return MetaErrors.conflict(MetaErrors.USER_EXISTS);
        }
        UserInfo user = UserInfo.of(c.name(), c.hash(), c.admin());
        return Outcome.ok(meta.withUser(user), user);
    }

    static Outcome drop(ClusterMetadata meta, MetaCommand.DropUser c) {
        if (meta.user(c.name()).isEmpty()) {
            return MetaErrors.userNotFound();
        }
        return Outcome.ok(meta.withUsers(meta.users().stream().filter(u -> !u.name().equals(c.name())).toList()),
                null);
    }

    static Outcome updatePassword(ClusterMetadata meta, MetaCommand.UpdateUserPassword c) {
        Optional<UserInfo> user = meta.user(c.name());
        if (user.isEmpty()) {
            return MetaErrors.userNotFound();
        }
        return Outcome.ok(meta.withUser(user.get().withHash(c.hash())), null);
    }

    static Outcome setPrivilege(ClusterMetadata meta, MetaCommand.SetUserPrivilege c) {
        Optional<UserInfo> user = meta.user(c.name());
        if (user.isEmpty()) {
            return MetaErrors.userNotFound();
        }
        if (meta.database(c.database()).isEmpty()) {
            return MetaErrors.databaseNotFound(c.database());
        }
        Privilege next = c.privilege();
        if (c.revoke()) {
            next = c.privilege() == Privilege.ALL ? Privilege.NO_PRIVILEGES
                    : user.get().privilege(c.database()).without(c.privilege());
        }
        return Outcome.ok(meta.withUser(user.get().withPrivilege(c.database(), next)), null);
    }

    static Outcome setAdmin(ClusterMetadata meta, MetaCommand.SetUserAdmin c) {
        Optional<UserInfo> user = meta.user(c.name());
        if (user.isEmpty()) {
            return MetaErrors.userNotFound();
        }
        return Outcome.ok(meta.withUser(user.get().withAdmin(c.admin())), null);
    }
}
