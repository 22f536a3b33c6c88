package io.shardline.meta.state;

import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;

/**
 * Random, mostly plausible meta commands for the simulation: names and addresses come from small
 * pools so that idempotency, conflicts and not-found paths are all hit; a simulated clock moves
 * forward so retention, precreation and truncation see realistic times. Single-threaded.
 */
final class SimulationCommands {

    private static final long MINUTE = 60_000_000_000L;
    private static final long HOUR = ShardGroupTimes.HOUR;
    private static final long DAY = ShardGroupTimes.DAY;
    private static final long[] DURATIONS = {0, HOUR, 2 * HOUR, DAY, 3 * DAY, 7 * DAY, 30 * DAY};
    private static final long[] SHARD_DURATIONS = {0, 0, 30 * MINUTE, HOUR, 2 * HOUR, DAY};
    private static final String[] DATABASES = {"db0", "db1", "db2", "db3"};
    private static final String[] POLICIES = {"autogen", "rp1", "rp2"};

    private final Random random;
    private long now;

    SimulationCommands(Random random) {
        this.random = random;
        this.now = 1_600_000_000_000_000_000L + random.nextLong(0, 30 * DAY);
    }

    /** The simulated wall clock, in Unix nanoseconds. */
    long now() {
        return now;
    }

    /** The commands that bring up a typical cluster: three meta nodes, three data nodes, one database. */
    static List<MetaCommand> bootstrap() {
        List<MetaCommand> commands = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            commands.add(new MetaCommand.AddMetaNode("meta" + i + ":8089", "meta" + i + ":8091"));
        }
        for (int i = 0; i < 3; i++) {
            commands.add(new MetaCommand.AddDataNode("host" + i + ":8088", "host" + i + ":8086"));
        }
        commands.add(new MetaCommand.CreateDatabase("db0", Optional.empty(), true));
        return commands;
    }

    MetaCommand next(ClusterMetadata meta) {
        now += random.nextLong(0, 10 * MINUTE);
        int roll = random.nextInt(100);
        if (roll < 35) {
            return createShardGroup(meta);
        } else if (roll < 55) {
            return membership(meta, random.nextInt(20));
        } else if (roll < 72) {
            return schema(meta, random.nextInt(17));
        } else if (roll < 92) {
            return sweep(meta, random.nextInt(20));
        }
        return owners(meta);
    }

    private MetaCommand createShardGroup(ClusterMetadata meta) {
        String db = pickDatabase(meta);
        String rp = pickPolicy(meta, db);
        long offset = random.nextInt(10) == 0 ? random.nextLong(-30 * DAY, 30 * DAY) : random.nextLong(-2 * DAY, 6 * HOUR);
        return new MetaCommand.CreateShardGroup(db, rp, now + offset);
    }

    private MetaCommand membership(ClusterMetadata meta, int roll) {
        String host = "host" + random.nextInt(8);
        if (roll < 7) {
            return new MetaCommand.AddDataNode(host + ":8088", host + ":8086");
        } else if (roll < 10 && random.nextBoolean()) {
            return new MetaCommand.RemoveDataNode(pickNodeId(meta.dataNodes(), meta));
        } else if (roll < 14) {
            String old = meta.dataNodes().isEmpty() || random.nextInt(5) == 0
                    ? "gone:8088"
                    : meta.dataNodes().get(random.nextInt(meta.dataNodes().size())).tcpAddress();
            return new MetaCommand.UpdateDataNode(old, host + ":8088", random.nextBoolean() ? "" : host + ":8086");
        } else if (roll < 18) {
            String meta1 = "meta" + random.nextInt(5);
            return new MetaCommand.AddMetaNode(meta1 + ":8089", meta1 + ":8091");
        }
        return new MetaCommand.RemoveMetaNode(pickNodeId(meta.metaNodes(), meta));
    }

    private MetaCommand schema(ClusterMetadata meta, int roll) {
        String db = pickDatabase(meta);
        if (roll < 5) {
            Optional<RetentionPolicySpec> spec = random.nextInt(3) == 0 ? Optional.of(spec("")) : Optional.empty();
            return new MetaCommand.CreateDatabase(db, spec, random.nextInt(4) != 0);
        } else if (roll < 6 && random.nextInt(4) == 0) {
            return new MetaCommand.DropDatabase(db);
        } else if (roll < 11) {
            return new MetaCommand.CreateRetentionPolicy(db, spec(pick(POLICIES)), random.nextInt(4) == 0);
        } else if (roll < 15) {
            return alter(db, pickPolicy(meta, db));
        }
        return new MetaCommand.DropRetentionPolicy(db, pickPolicy(meta, db));
    }

    private RetentionPolicySpec spec(String name) {
        OptionalLong duration = random.nextInt(5) == 0 ? OptionalLong.empty() : OptionalLong.of(pick(DURATIONS));
        OptionalInt replicaN = random.nextInt(5) == 0 ? OptionalInt.empty() : OptionalInt.of(random.nextInt(5));
        return new RetentionPolicySpec(name, duration, replicaN, pick(SHARD_DURATIONS));
    }

    private MetaCommand alter(String db, String rp) {
        Optional<String> newName = random.nextInt(8) == 0 ? Optional.of(pick(POLICIES)) : Optional.empty();
        OptionalLong duration = random.nextBoolean() ? OptionalLong.of(pick(DURATIONS)) : OptionalLong.empty();
        OptionalInt replicaN = random.nextBoolean() ? OptionalInt.of(random.nextInt(5)) : OptionalInt.empty();
        OptionalLong shard = random.nextInt(3) == 0 ? OptionalLong.of(pick(SHARD_DURATIONS)) : OptionalLong.empty();
        return new MetaCommand.AlterRetentionPolicy(db, rp, newName, duration, replicaN, shard, random.nextInt(4) == 0);
    }

    private MetaCommand sweep(ClusterMetadata meta, int roll) {
        if (roll < 3) {
            return new MetaCommand.TruncateShardGroups(now + MINUTE);
        } else if (roll < 9) {
            return new MetaCommand.EnforceRetention(now);
        } else if (roll < 15) {
            return new MetaCommand.PrecreateShardGroups(now, 30 * MINUTE);
        } else if (roll < 17) {
            return new MetaCommand.PruneShardGroups(now - DAY);
        }
        List<ShardLocation> shards = meta.shards();
        if (shards.isEmpty() || random.nextInt(5) == 0) {
            return new MetaCommand.DeleteShardGroup(pickDatabase(meta), "autogen", 999_999, now);
        }
        ShardLocation location = shards.get(random.nextInt(shards.size()));
        return new MetaCommand.DeleteShardGroup(location.database(), location.retentionPolicy(),
                location.group().id(), now);
    }

    private MetaCommand owners(ClusterMetadata meta) {
        List<ShardLocation> shards = meta.shards();
        long shardId = shards.isEmpty() || random.nextInt(10) == 0
                ? meta.maxShardId() + 1
                : shards.get(random.nextInt(shards.size())).shardId();
        long node = random.nextInt(10) == 0 ? 2 : pickNodeId(meta.dataNodes(), meta);
        return random.nextBoolean()
                ? new MetaCommand.AddShardOwner(shardId, node)
                : new MetaCommand.RemoveShardOwner(shardId, node);
    }

    private String pickDatabase(ClusterMetadata meta) {
        List<String> existing = new ArrayList<>(meta.databases().keySet());
        return existing.isEmpty() || random.nextInt(10) == 0 ? pick(DATABASES) : existing.get(random.nextInt(existing.size()));
    }

    private String pickPolicy(ClusterMetadata meta, String db) {
        List<String> existing = meta.database(db).map(DatabaseInfo::retentionPolicies)
                .map(policies -> new ArrayList<>(policies.keySet())).orElseGet(ArrayList::new);
        return existing.isEmpty() || random.nextInt(10) == 0 ? pick(POLICIES) : existing.get(random.nextInt(existing.size()));
    }

    private long pickNodeId(List<NodeInfo> nodes, ClusterMetadata meta) {
        if (nodes.isEmpty() || random.nextInt(6) == 0) {
            return 1 + random.nextInt((int) Math.max(1, meta.maxNodeId() + 2));
        }
        return nodes.get(random.nextInt(nodes.size())).id();
    }

    private long pick(long[] values) {
        return values[random.nextInt(values.length)];
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** A random live group of the metadata, for probes. */
    Optional<RetentionPolicyInfo> randomPolicy(ClusterMetadata meta) {
        List<RetentionPolicyInfo> policies = new ArrayList<>();
        meta.databases().values().forEach(db -> policies.addAll(db.retentionPolicies().values()));
        return policies.isEmpty() ? Optional.empty() : Optional.of(policies.get(random.nextInt(policies.size())));
    }

    /** A probe time near the groups of the policy (or near now if it has none). */
    long probeTime(RetentionPolicyInfo policy) {
        List<ShardGroupInfo> groups = policy.shardGroups();
        if (groups.isEmpty()) {
            return now + random.nextLong(-DAY, DAY);
        }
        ShardGroupInfo group = groups.get(random.nextInt(groups.size()));
        long[] edges = {group.startTime(), group.endTime(), group.effectiveEnd()};
        return edges[random.nextInt(edges.length)] + random.nextLong(-2, 2);
    }
}
