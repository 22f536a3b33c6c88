package io.shardline.meta.client;

import io.shardline.common.auth.StoredUser;
import io.shardline.common.auth.UserDirectory;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.UserInfo;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The users of this node's cluster view, so authentication never waits for the meta nodes and a user
 * change takes effect as soon as the view has it. Thread-safe (reads one immutable view per call).
 */
public final class ClusterUsers implements UserDirectory {

    private final Supplier<ClusterMetadata> view;

    public ClusterUsers(Supplier<ClusterMetadata> view) {
        this.view = view;
    }

    @Override
    public Optional<UserInfo> user(String name) {
        return view.get().user(name);
    }

    @Override
    public boolean adminUserExists() {
        return view.get().adminUserExists();
    }

    @Override
    public int userCount() {
        return view.get().users().size();
    }
}
