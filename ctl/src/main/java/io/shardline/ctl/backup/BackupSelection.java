package io.shardline.ctl.backup;

import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.ShardLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which shards a backup copies and from which owner, decided from the metadata, the filters, each
 * owner's replica state and the previous backups in the directory. Pure.
 *
 * <ul>
 * <li>Filters: {@code -db}, {@code -rp}, {@code -shard}; {@code -start}/{@code -end} keep the shards
 *     whose group overlaps {@code [start, end)}. Deleted groups are never copied.</li>
 * <li>Owner (as 1.12.3): the copy with the most recent write, skipping owners that lack the data or
 *     hold an empty copy; {@code -from} wins when it holds a non-empty copy.</li>
 * <li>Incremental: a shard is copied when no earlier backup in the directory has it, or its chosen
 *     copy's last-modified stamp differs from the newest one recorded.</li>
 * </ul>
 */
public final class BackupSelection {

    /** The filters of one backup ({@code 0} / {@code ""} / empty for none). */
    public record Filter(String database, String retentionPolicy, long shardId, OptionalLong start, OptionalLong end) {

        public static final Filter NONE = new Filter("", "", 0, OptionalLong.empty(), OptionalLong.empty());

        boolean matches(ShardLocation l) {
            return (database.isEmpty() || database.equals(l.database()))
                    && (retentionPolicy.isEmpty() || retentionPolicy.equals(l.retentionPolicy()))
                    && (shardId == 0 || shardId == l.shardId())
                    && (start.isEmpty() || l.group().endTime() > start.getAsLong())
                    && (end.isEmpty() || l.group().startTime() < end.getAsLong());
        }

        /** Whether the backup is limited to part of the cluster (1.x's manifest {@code limited}). */
        public boolean limited() {
            return !database.isEmpty() || shardId != 0 || start.isPresent() || end.isPresent();
        }
    }

    /** One owner's copy of a shard. */
    public record Replica(long nodeId, String tcpAddress, long lastModified, long size, boolean present) {
    }

    /** A shard to copy and the owner to copy it from. */
    public record Choice(ShardLocation shard, Replica from) {
    }

    private BackupSelection() {
    }

    /** The shards matching {@code filter} (live groups only), in metadata order. */
    public static List<ShardLocation> candidates(ClusterMetadata metadata, Filter filter) {
        return metadata.shards().stream().filter(l -> l.group().deletedAt() == 0).filter(filter::matches).toList();
    }

    /** The owner to copy from: {@code from} if it holds a non-empty copy, else the most recent write. */
    public static Optional<Replica> owner(List<Replica> replicas, Optional<String> from) {
        List<Replica> usable = replicas.stream().filter(r -> r.present() && r.size() > 0).toList();
        if (from.isPresent()) {
            Optional<Replica> preferred = usable.stream().filter(r -> r.tcpAddress().equals(from.get())).findFirst();
            if (preferred.isPresent()) {
                return preferred;
            }
        }
        Replica best = null;
        for (Replica r : usable) {
            if (best == null || r.lastModified() > best.lastModified()) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The shards to copy: each candidate with a usable owner, and for an incremental backup only those
     * whose stamp is not in {@code previous} (shard id to the newest backed-up last-modified stamp).
     */
    public static List<Choice> choose(List<ShardLocation> candidates, Map<Long, List<Replica>> replicas,
                                      Optional<String> from, boolean incremental, Map<Long, Long> previous) {
        List<Choice> out = new ArrayList<>();
        for (ShardLocation l : candidates) {
            Optional<Replica> owner = owner(replicas.getOrDefault(l.shardId(), List.of()), from);
            if (owner.isEmpty()) {
                continue;
            }
            Long before = previous.get(l.shardId());
            if (incremental && before != null && before == owner.get().lastModified()) {
                continue;
            }
            out.add(new Choice(l, owner.get()));
        }
        return out;
    }
}
