package io.shardline.meta.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.auth.Privilege;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.UserInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The users index follows the view at once: a changed, dropped or re-created user is seen on the next lookup. */
class ClusterUsersTest {

    private final AtomicReference<ClusterMetadata> view = new AtomicReference<>(ClusterMetadata.EMPTY);
    private final ClusterUsers users = new ClusterUsers(view::get);

    @Test
    void everyChangeOfTheViewTakesEffectOnTheNextLookup() {
        assertThat(users.adminUserExists()).isFalse();
        assertThat(users.user("bob")).isEmpty();

        view.set(view.get().withUser(UserInfo.of("admin", "$2a$hash-a", true)).withUser(UserInfo.of("bob", "$2a$hash-b",
                false)));
        assertThat(users.adminUserExists()).isTrue();
        assertThat(users.user("bob")).map(UserInfo::hash).contains("$2a$hash-b");
        assertThat(users.userCount()).isEqualTo(2);

        // SET PASSWORD and GRANT: the new hash and privilege at once
        view.set(view.get().withUser(users.user("bob").orElseThrow().withHash("$2a$hash-b2")
                .withPrivilege("db", Privilege.WRITE)));
        assertThat(users.user("bob")).map(UserInfo::hash).contains("$2a$hash-b2");
        assertThat(users.user("bob").orElseThrow().authorizeDatabase(Privilege.WRITE, "db")).isTrue();

        // REVOKE ALL PRIVILEGES from the only admin, then DROP USER bob
        view.set(view.get().withUser(users.user("admin").orElseThrow().withAdmin(false)));
        assertThat(users.adminUserExists()).isFalse();
        List<UserInfo> remaining = new ArrayList<>(view.get().users());
        remaining.removeIf(u -> u.name().equals("bob"));
        view.set(view.get().withUsers(remaining));
        assertThat(users.user("bob")).isEmpty();
        assertThat(users.user("admin")).isPresent();
        assertThat(users.userCount()).isEqualTo(1);
    }

    @Test
    void namesAreExact() {
        view.set(view.get().withUser(UserInfo.of("Bob", "$2a$hash", false)));
        assertThat(users.user("Bob")).isPresent();
        assertThat(users.user("bob")).isEmpty();
        assertThat(users.user("Bob ")).isEmpty();
    }
}
