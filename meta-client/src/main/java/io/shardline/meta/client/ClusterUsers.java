package io.shardline.meta.client;

import io.shardline.common.auth.StoredUser;
import io.shardline.common.auth.UserDirectory;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.UserInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The users of this node's cluster view, so authentication never waits for the meta nodes and a user
 * change takes effect as soon as the view has it. Every request looks its user up, so the users of
 * the current metadata are indexed by name once per metadata version (rebuilt the first time a newer
 * metadata object is seen; never older than the view). Thread-safe.
 */
public final class ClusterUsers implements UserDirectory {

    /** The users of one metadata object, by name. */
    private record Index(ClusterMetadata source, Map<String, UserInfo> byName, boolean adminUserExists) {

        static Index of(ClusterMetadata metadata) {
            Map<String, UserInfo> byName = new HashMap<>();
            for (UserInfo u : metadata.users()) {
                byName.put(u.name(), u);
            }
            return new Index(metadata, byName, metadata.adminUserExists());
        }
    }

    private final Supplier<ClusterMetadata> view;
    private volatile Index index;

    public ClusterUsers(Supplier<ClusterMetadata> view) {
        this.view = view;
    }

    @Override
    public Optional<UserInfo> user(String name) {
        return Optional.ofNullable(index().byName().get(name));
    }

    @Override
    public boolean adminUserExists() {
        return index().adminUserExists();
    }

    @Override
    public int userCount() {
        return view.get().users().size();
    }

    private Index index() {
        ClusterMetadata current = view.get();
        Index known = index;
        if (known == null || known.source() != current) {
            known = Index.of(current);
            index = known;
        }
        return known;
    }
}
