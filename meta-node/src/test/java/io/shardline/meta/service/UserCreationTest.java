package io.shardline.meta.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ShardlineException;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.UserInfo;
import io.shardline.proto.meta.CreateUserRequest;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A user restored from a backup keeps the bcrypt hash it had; anything but such a hash is refused. */
class UserCreationTest {

    /** A bcrypt hash of the shape 1.x stores ({@code $2a$10$} and 53 characters). */
    private static final String HASH = "$2a$10$KxjMZ3ZQkf2Wn4dN0W8c3eOa1lKx5S3I1d8s7o0cDq1J6rZ8QW9yS";

    @Test
    void aRestoredUserKeepsItsHashAndIsTheSameUserWhenRestoredAgain() {
        CreateUserRequest request = CreateUserRequest.newBuilder().setName("old").setHash(HASH).setAdmin(true).build();
        assertThat(UserCreation.restoredHash(request)).isEqualTo(HASH);
        ClusterMetadata withUser = new ClusterMetadata(List.of(), List.of(), new TreeMap<>(), 0, 0, 0, 0,
                List.of(new UserInfo("old", HASH, true, new TreeMap<>())));
        assertThat(UserCreation.existingSameUser(withUser, request)).isPresent();
        assertThat(UserCreation.existingSameUser(withUser, request.toBuilder().setAdmin(false).build())).isEmpty();
        assertThat(UserCreation.existingSameUser(withUser, request.toBuilder().setHash(HASH.replace('K', 'L')).build()))
                .isEmpty();
    }

    @Test
    void anythingButABcryptHashWithoutAPasswordIsRefused() {
        for (CreateUserRequest bad : List.of(
                CreateUserRequest.newBuilder().setName("u").setHash("secret").build(),
                CreateUserRequest.newBuilder().setName("u").setHash(HASH.substring(1)).build(),
                CreateUserRequest.newBuilder().setName("u").setHash(HASH).setPassword("pw").build())) {
            assertThatThrownBy(() -> UserCreation.restoredHash(bad)).isInstanceOf(ShardlineException.class)
                    .hasMessage("user u: a restored user needs a bcrypt hash ($2a$, $2b$ or $2y$, 60 characters) and no"
                            + " password");
        }
    }
}
