package io.shardline.meta.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.auth.Privilege;
import io.shardline.common.error.ErrorCode;
import io.shardline.meta.model.UserInfo;
import org.junit.jupiter.api.Test;

/** User and privilege commands on the pure state, with 1.x's results (checked against influxd 1.6.7). */
class UserCommandsTest {

    private final MetaHarness h = MetaHarness.cluster(2);

    private UserInfo user(String name) {
        return h.meta().user(name).orElseThrow();
    }

    @Test
    void createsUsersInCreationOrderAndRefusesDuplicatesAndEmptyNames() {
        h.ok(new MetaCommand.CreateUser("zed", "$2a$10$z", false));
        UserInfo admin = h.ok(new MetaCommand.CreateUser("admin", "$2a$10$a", true), UserInfo.class);
        assertThat(admin).isEqualTo(UserInfo.of("admin", "$2a$10$a", true));
        assertThat(h.meta().users()).extracting(UserInfo::name).containsExactly("zed", "admin");
        assertThat(h.meta().adminUserExists()).isTrue();
        assertThat(h.fail(new MetaCommand.CreateUser("zed", "$2a$10$z", false)).message())
                .isEqualTo("user already exists");
        MetaResult.Failure empty = h.fail(new MetaCommand.CreateUser("", "$2a$10$x", true));
        assertThat(empty.message()).isEqualTo("username required");
        assertThat(empty.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void dropAndPasswordChangeNeedAnExistingUser() {
        h.ok(new MetaCommand.CreateUser("bob", "$2a$10$old", false));
        h.ok(new MetaCommand.UpdateUserPassword("bob", "$2a$10$new"));
        assertThat(user("bob").hash()).isEqualTo("$2a$10$new");
        assertThat(h.fail(new MetaCommand.UpdateUserPassword("nobody", "$2a$10$x")).message()).isEqualTo("user not found");
        assertThat(h.fail(new MetaCommand.DropUser("nobody")).message()).isEqualTo("user not found");
        h.ok(new MetaCommand.DropUser("bob"));
        assertThat(h.meta().users()).isEmpty();
    }

    @Test
    void grantAndRevokeFollowTheBitRulesAndKeepRevokedEntries() {
        h.createDatabase("db1");
        h.createDatabase("db2");
        h.ok(new MetaCommand.CreateUser("bob", "$2a$10$x", false));
        h.ok(new MetaCommand.SetUserPrivilege("bob", "db1", Privilege.READ, false));
        h.ok(new MetaCommand.SetUserPrivilege("bob", "db2", Privilege.ALL, false));
        h.ok(new MetaCommand.SetUserPrivilege("bob", "db2", Privilege.READ, true));
        assertThat(user("bob").privileges()).containsEntry("db1", Privilege.READ).containsEntry("db2", Privilege.WRITE);
        h.ok(new MetaCommand.SetUserPrivilege("bob", "db2", Privilege.WRITE, true));
        h.ok(new MetaCommand.SetUserPrivilege("bob", "db1", Privilege.ALL, true));
        assertThat(user("bob").privileges()).containsEntry("db1", Privilege.NO_PRIVILEGES)
                .containsEntry("db2", Privilege.NO_PRIVILEGES);
        // revoking READ from WRITE leaves WRITE
        h.ok(new MetaCommand.SetUserPrivilege("bob", "db1", Privilege.WRITE, false));
        h.ok(new MetaCommand.SetUserPrivilege("bob", "db1", Privilege.READ, true));
        assertThat(user("bob").privilege("db1")).isEqualTo(Privilege.WRITE);
    }

    @Test
    void privilegeChangesCheckTheUserBeforeTheDatabase() {
        h.createDatabase("db1");
        h.ok(new MetaCommand.CreateUser("bob", "$2a$10$x", false));
        assertThat(h.fail(new MetaCommand.SetUserPrivilege("nobody", "nodb", Privilege.READ, false)).message())
                .isEqualTo("user not found");
        assertThat(h.fail(new MetaCommand.SetUserPrivilege("bob", "nodb", Privilege.READ, false)).message())
                .isEqualTo("database not found: nodb");
        assertThat(h.fail(new MetaCommand.SetUserPrivilege("bob", "nodb", Privilege.ALL, true)).message())
                .isEqualTo("database not found: nodb");
        assertThat(h.fail(new MetaCommand.SetUserAdmin("nobody", true)).message()).isEqualTo("user not found");
    }

    @Test
    void adminFlagComesAndGoesAndDroppingADatabaseDropsItsPrivileges() {
        h.createDatabase("db1");
        h.ok(new MetaCommand.CreateUser("carl", "$2a$10$c", false));
        h.ok(new MetaCommand.SetUserPrivilege("carl", "db1", Privilege.READ, false));
        h.ok(new MetaCommand.SetUserAdmin("carl", true));
        assertThat(h.meta().adminUserExists()).isTrue();
        h.ok(new MetaCommand.SetUserAdmin("carl", false));
        assertThat(h.meta().adminUserExists()).isFalse();
        h.ok(new MetaCommand.DropDatabase("db1"));
        assertThat(user("carl").privileges()).isEmpty();
    }

    @Test
    void authorizeDatabaseFollowsOneX() {
        UserInfo reader = UserInfo.of("r", "h", false).withPrivilege("db", Privilege.READ);
        UserInfo all = UserInfo.of("a", "h", false).withPrivilege("db", Privilege.ALL);
        assertThat(reader.authorizeDatabase(Privilege.READ, "db")).isTrue();
        assertThat(reader.authorizeDatabase(Privilege.WRITE, "db")).isFalse();
        assertThat(reader.authorizeDatabase(Privilege.READ, "other")).isFalse();
        assertThat(reader.authorizeDatabase(Privilege.NO_PRIVILEGES, "other")).isTrue();
        assertThat(all.authorizeDatabase(Privilege.WRITE, "db")).isTrue();
        assertThat(UserInfo.of("x", "h", true).authorizeDatabase(Privilege.ALL, "any")).isTrue();
        assertThat(reader.toString()).doesNotContain("h,").doesNotContain("hash");
    }
}
