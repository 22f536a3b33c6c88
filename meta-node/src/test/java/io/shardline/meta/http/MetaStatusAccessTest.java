package io.shardline.meta.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.auth.StoredUser;
import io.shardline.common.auth.UserDirectory;
import io.shardline.common.http.HttpAuthenticator.Access;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class MetaStatusAccessTest {

    private final AtomicBoolean adminExists = new AtomicBoolean();
    private final Function<String, Access> access = MetaStatusApi.access(new UserDirectory() {
        @Override
        public Optional<? extends StoredUser> user(String name) {
            return Optional.empty();
        }

        @Override
        public boolean adminUserExists() {
            return adminExists.get();
        }

        @Override
        public int userCount() {
            return adminExists.get() ? 1 : 0;
        }
    });

    @Test
    void everythingIsOpenWhileTheClusterHasNoAdmin() {
        for (String path : new String[] {"/ping", "/status", "/show-cluster", "/raft", "/debug/vars", "/metrics"}) {
            assertThat(access.apply(path)).as(path).isEqualTo(Access.OPEN);
        }
    }

    @Test
    void onceAnAdminExistsOnlyPingAndUnknownPathsStayOpen() {
        adminExists.set(true);
        for (String path : new String[] {"/status", "/show-cluster", "/raft", "/debug/vars", "/metrics"}) {
            assertThat(access.apply(path)).as(path).isEqualTo(Access.ADMIN);
        }
        assertThat(access.apply("/ping")).isEqualTo(Access.OPEN);
        assertThat(access.apply("/nowhere")).isEqualTo(Access.OPEN);
    }
}
