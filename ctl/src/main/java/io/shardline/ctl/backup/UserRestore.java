package io.shardline.ctl.backup;

import io.shardline.common.auth.Privilege;
import io.shardline.ctl.CtlContext;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.UserInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The users of a backup's {@code .meta} carried into the cluster by a restore: each user the cluster
 * lacks is created with its bcrypt hash as stored (1.x and Shardline hash alike, so passwords keep
 * working) and its admin flag, and gets its privileges on the databases this restore created (under
 * their new names). Users that exist already are left as they are. Runs on the ctl's thread.
 */
final class UserRestore {

    private UserRestore() {
    }

    /**
     * @param databases backed-up database name to the name it was restored under
     * @return one line for the output, or "" when the backup has no users
     */
    static String restore(CtlContext ctx, ClusterMetadata backup, Map<String, String> databases) {
        if (backup.users().isEmpty()) {
            return "";
        }
        ClusterMetadata current = ctx.metadata();
        List<String> created = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (UserInfo u : backup.users()) {
            if (current.user(u.name()).isPresent()) {
                kept.add(u.name());
                continue;
            }
            ctx.meta(c -> c.changes().restoreUser(u.name(), u.hash(), u.admin()));
            for (Map.Entry<String, Privilege> p : u.privileges().entrySet()) {
                String target = databases.get(p.getKey());
                if (target != null && p.getValue() != Privilege.NO_PRIVILEGES) {
                    ctx.meta(c -> {
                        c.changes().setPrivilege(u.name(), target, p.getValue(), false);
                        return null;
                    });
                }
            }
            created.add(u.name());
        }
        return "Restored users: " + (created.isEmpty() ? "none" : String.join(", ", created))
                + (kept.isEmpty() ? "" : "; already present, left unchanged: " + String.join(", ", kept));
    }
}
