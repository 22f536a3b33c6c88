package io.shardline.ctl.backup;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.shardline.common.auth.Privilege;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.ContinuousQueryInfo;
import io.shardline.meta.model.DatabaseInfo;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardInfo;
import io.shardline.meta.model.UserInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code <ts>.meta} file of a portable backup: 1.x's {@code backup_util.PortableData} protobuf
 * ({@code Data = 1} bytes, {@code MaxNodeID = 2}) around 1.x's meta store encoding ({@code meta.Data}
 * of {@code services/meta/internal/meta.proto}), so InfluxDB's tools read it. Written and read field by
 * field (proto2 wire format):
 *
 * <pre>
 * Data      Term 1, Index 2, ClusterID 3, Databases 5, Users 6, MaxNodeID 7, MaxShardGroupID 8,
 *           MaxShardID 9, DataNodes 10, MetaNodes 11
 * NodeInfo  ID 1, Host 2 (HTTP), TCPHost 3
 * Database  Name 1, DefaultRetentionPolicy 2, RetentionPolicies 3, ContinuousQueries 4 (Name 1, Query 2)
 * Policy    Name 1, Duration 2, ShardGroupDuration 3, ReplicaN 4, ShardGroups 5, Subscriptions 6 (Name 1)
 * Group     ID 1, StartTime 2, EndTime 3, DeletedAt 4, Shards 5, TruncatedAt 6
 * Shard     ID 1, Owners 3 (NodeID 1)
 * User      Name 1, Hash 2, Admin 3, Privileges 4 (Database 1, Privilege 2: 0 none, 1 read, 2 write, 3 all)
 * </pre>
 *
 * Subscriptions, which Shardline does not have, are skipped when read and named by {@link #decodeAll} so a
 * restore can say so. Stateless.
 */
public final class PortableMeta {

    private PortableMeta() {
    }

    /** The {@code .meta} file's bytes for {@code metadata}. */
    public static byte[] encode(ClusterMetadata metadata) {
        byte[] data = bytes(out -> writeData(out, metadata));
        return bytes(out -> {
            out.writeBytes(1, ByteString.copyFrom(data));
            out.writeUInt64(2, 0); // 1.x's backup writes MaxNodeID 0 here; the node ids are inside Data
        });
    }

    /**
     * The metadata in a {@code .meta} file (version 0, node ids as written).
     *
     * @throws IllegalArgumentException if the bytes are not a portable meta file
     */
    public static ClusterMetadata decode(byte[] file) {
        return decodeAll(file).metadata();
    }

    /** What a {@code .meta} file holds: the metadata, and the subscriptions ({@code db.rp.name}) it cannot carry. */
    public record Decoded(ClusterMetadata metadata, List<String> subscriptions) {
    }

    /**
     * The metadata in a {@code .meta} file and the subscriptions that were skipped.
     *
     * @throws IllegalArgumentException if the bytes are not a portable meta file
     */
    public static Decoded decodeAll(byte[] file) {
        if (startsWithSnapshotMagic(file)) {
            throw new IllegalArgumentException("unsupported .meta version: a raw metastore snapshot (magic 0x59590101,"
                    + " InfluxDB's legacy backup format), not a portable backup's PortableData");
        }
        try {
            CodedInputStream in = CodedInputStream.newInstance(file);
            byte[] data = null;
            boolean sawMaxNodeId = false;
            for (int tag; (tag = in.readTag()) != 0; ) {
                switch (tag) {
                    case (1 << 3) | 2 -> data = in.readByteArray();
                    case (2 << 3) -> {
                        in.readUInt64();
                        sawMaxNodeId = true;
                    }
                    default -> throw new IllegalArgumentException((tag >>> 3) <= 2
                            ? "not a portable meta file (PortableData field " + (tag >>> 3) + " has wire type " + (tag & 7) + ")"
                            : "unsupported .meta version: PortableData has field " + (tag >>> 3)
                                    + ", which InfluxDB 1.x does not write");
                }
            }
            if (data == null || !sawMaxNodeId) {
                throw new IllegalArgumentException("not a portable meta file (PortableData without Data or MaxNodeID)");
            }
            List<String> subscriptions = new ArrayList<>();
            return new Decoded(readData(CodedInputStream.newInstance(data), subscriptions), List.copyOf(subscriptions));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not a portable meta file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 1.x's snapshotter stream starts with {@code BackupMagicHeader} as 8 big-endian bytes. */
    private static boolean startsWithSnapshotMagic(byte[] b) {
        return b.length >= 8 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == 0 && b[4] == 0x59 && b[5] == 0x59
                && b[6] == 1 && b[7] == 1;
    }

    // ---- writing ------------------------------------------------------------------------------------

    private interface Body {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] bytes(Body body) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(b);
            body.write(out);
            out.flush();
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void message(CodedOutputStream out, int field, Body body) throws IOException {
        out.writeBytes(field, ByteString.copyFrom(bytes(body)));
    }

    private static void writeData(CodedOutputStream out, ClusterMetadata m) throws IOException {
        out.writeUInt64(1, 0);
        out.writeUInt64(2, m.version());
        out.writeUInt64(3, 0);
        for (DatabaseInfo db : m.databases().values()) {
            message(out, 5, o -> writeDatabase(o, db));
        }
        for (UserInfo u : m.users()) {
            message(out, 6, o -> writeUser(o, u));
        }
        out.writeUInt64(7, m.maxNodeId());
        out.writeUInt64(8, m.maxShardGroupId());
        out.writeUInt64(9, m.maxShardId());
        for (NodeInfo n : m.dataNodes()) {
            message(out, 10, o -> writeNode(o, n));
        }
        for (NodeInfo n : m.metaNodes()) {
            message(out, 11, o -> writeNode(o, n));
        }
    }

    private static void writeNode(CodedOutputStream out, NodeInfo n) throws IOException {
        out.writeUInt64(1, n.id());
        out.writeString(2, n.httpAddress());
        out.writeString(3, n.tcpAddress());
    }

    private static void writeDatabase(CodedOutputStream out, DatabaseInfo db) throws IOException {
        out.writeString(1, db.name());
        out.writeString(2, db.defaultRetentionPolicyName());
        for (RetentionPolicyInfo rp : db.retentionPolicies().values()) {
            message(out, 3, o -> writePolicy(o, rp));
        }
        for (ContinuousQueryInfo cq : db.continuousQueries()) {
            message(out, 4, o -> {
                o.writeString(1, cq.name());
                o.writeString(2, cq.query());
            });
        }
    }

    private static void writePolicy(CodedOutputStream out, RetentionPolicyInfo rp) throws IOException {
        out.writeString(1, rp.name());
        out.writeInt64(2, rp.duration());
        out.writeInt64(3, rp.shardGroupDuration());
        out.writeUInt32(4, rp.replicaN());
        for (ShardGroupInfo g : rp.shardGroups()) {
            message(out, 5, o -> writeGroup(o, g));
        }
    }

    private static void writeGroup(CodedOutputStream out, ShardGroupInfo g) throws IOException {
        out.writeUInt64(1, g.id());
        out.writeInt64(2, g.startTime());
        out.writeInt64(3, g.endTime());
        out.writeInt64(4, g.deletedAt());
        for (ShardInfo s : g.shards()) {
            message(out, 5, o -> {
                o.writeUInt64(1, s.id());
                for (long owner : s.owners()) {
                    message(o, 3, oo -> oo.writeUInt64(1, owner));
                }
            });
        }
        out.writeInt64(6, g.truncatedAt());
    }

    private static void writeUser(CodedOutputStream out, UserInfo u) throws IOException {
        out.writeString(1, u.name());
        out.writeString(2, u.hash());
        out.writeBool(3, u.admin());
        for (Map.Entry<String, Privilege> p : u.privileges().entrySet()) {
            message(out, 4, o -> {
                o.writeString(1, p.getKey());
                o.writeInt32(2, p.getValue().ordinal());
            });
        }
    }

    // ---- reading ------------------------------------------------------------------------------------

    private static CodedInputStream sub(CodedInputStream in) throws IOException {
        return CodedInputStream.newInstance(in.readByteArray());
    }

    private static ClusterMetadata readData(CodedInputStream in, List<String> subscriptions) throws IOException {
        List<NodeInfo> dataNodes = new ArrayList<>();
        List<NodeInfo> metaNodes = new ArrayList<>();
        TreeMap<String, DatabaseInfo> databases = new TreeMap<>();
        List<UserInfo> users = new ArrayList<>();
        long maxNode = 0;
        long maxGroup = 0;
        long maxShard = 0;
        long index = 0;
        for (int tag; (tag = in.readTag()) != 0; ) {
            switch (tag >>> 3) {
                case 2 -> index = in.readUInt64();
                case 5 -> {
                    DatabaseInfo db = readDatabase(sub(in), subscriptions);
                    databases.put(db.name(), db);
                }
                case 6 -> users.add(readUser(sub(in)));
                case 7 -> maxNode = in.readUInt64();
                case 8 -> maxGroup = in.readUInt64();
                case 9 -> maxShard = in.readUInt64();
                case 10 -> dataNodes.add(readNode(sub(in)));
                case 11 -> metaNodes.add(readNode(sub(in)));
                default -> in.skipField(tag);
            }
        }
        return new ClusterMetadata(metaNodes, dataNodes, databases, maxNode, maxGroup, maxShard, index, users);
    }

    private static NodeInfo readNode(CodedInputStream in) throws IOException {
        long id = 0;
        String http = "";
        String tcp = "";
        for (int tag; (tag = in.readTag()) != 0; ) {
            switch (tag >>> 3) {
                case 1 -> id = in.readUInt64();
                case 2 -> http = in.readString();
                case 3 -> tcp = in.readString();
                default -> in.skipField(tag);
            }
        }
        return new NodeInfo(id, tcp, http);
    }

    private static DatabaseInfo readDatabase(CodedInputStream in, List<String> subscriptions) throws IOException {
        String name = "";
        String defaultRp = "";
        TreeMap<String, RetentionPolicyInfo> rps = new TreeMap<>();
        List<ContinuousQueryInfo> cqs = new ArrayList<>();
        List<String> subs = new ArrayList<>();
        for (int tag; (tag = in.readTag()) != 0; ) {
            switch (tag >>> 3) {
                case 1 -> name = in.readString();
                case 2 -> defaultRp = in.readString();
                case 3 -> {
                    RetentionPolicyInfo rp = readPolicy(sub(in), subs);
                    rps.put(rp.name(), rp);
                }
                case 4 -> cqs.add(readContinuousQuery(sub(in)));
                default -> in.skipField(tag);
            }
        }
        for (String s : subs) {
            subscriptions.add(name + "." + s);
        }
        return new DatabaseInfo(name, rps.containsKey(defaultRp) ? defaultRp : "", rps, cqs);
    }

    private static ContinuousQueryInfo readContinuousQuery(CodedInputStream in) throws IOException {
        String name = "";
        String query = "";
        for (int tag; (tag = in.readTag()) != 0; ) {
            switch (tag >>> 3) {
                case 1 -> name = in.readString();
                case 2 -> query = in.readString();
                default -> in.skipField(tag);
            }
        }
        return new ContinuousQueryInfo(name, query, 0);
    }

    private static String readSubscriptionName(CodedInputStream in) throws IOException {
        String name = "";
        for (int tag; (tag = in.readTag()) != 0; ) {
            if (tag >>> 3 == 1) {
                name = in.readString();
            } else {
                in.skipField(tag);
            }
        }
        return name;
    }

    /** @param subscriptions gets {@code rp.name} of each subscription of the policy */
    private static RetentionPolicyInfo readPolicy(CodedInputStream in, List<String> subscriptions) throws IOException {
        String name = "";
        long duration = 0;
        long groupDuration = 0;
        int replicaN = 1;
        List<ShardGroupInfo> groups = new ArrayList<>();
        List<String> subs = new ArrayList<>();
        for (int tag; (tag = in.readTag()) != 0; ) {
            switch (tag >>> 3) {
                case 1 -> name = in.readString();
                case 2 -> duration = in.readInt64();
                case 3 -> groupDuration = in.readInt64();
                case 4 -> replicaN = in.readUInt32();
                case 5 -> groups.add(readGroup(sub(in)));
                case 6 -> subs.add(readSubscriptionName(sub(in)));
                default -> in.skipField(tag);
            }
        }
        for (String s : subs) {
            subscriptions.add(name + "." + s);
        }
        return new RetentionPolicyInfo(name, duration, groupDuration, replicaN, groups);
    }

    private static ShardGroupInfo readGroup(CodedInputStream in) throws IOException {
        long id = 0;
        long start = 0;
        long end = 0;
        long deleted = 0;
        long truncated = 0;
        List<ShardInfo> shards = new ArrayList<>();
        for (int tag; (tag = in.readTag()) != 0; ) {
            switch (tag >>> 3) {
                case 1 -> id = in.readUInt64();
                case 2 -> start = in.readInt64();
                case 3 -> end = in.readInt64();
                case 4 -> deleted = in.readInt64();
                case 5 -> shards.add(readShard(sub(in)));
                case 6 -> truncated = in.readInt64();
                default -> in.skipField(tag);
            }
        }
        return new ShardGroupInfo(id, start, end, truncated, deleted, shards);
    }

    private static ShardInfo readShard(CodedInputStream in) throws IOException {
        long id = 0;
        List<Long> owners = new ArrayList<>();
        for (int tag; (tag = in.readTag()) != 0; ) {
            switch (tag >>> 3) {
                case 1 -> id = in.readUInt64();
                case 2 -> owners.add(in.readUInt64()); // OwnerIDs, deprecated in 1.x but still read
                case 3 -> {
                    CodedInputStream o = sub(in);
                    for (int t; (t = o.readTag()) != 0; ) {
                        if (t >>> 3 == 1) {
                            owners.add(o.readUInt64());
                        } else {
                            o.skipField(t);
                        }
                    }
                }
                default -> in.skipField(tag);
            }
        }
        return new ShardInfo(id, owners.stream().distinct().toList());
    }

    private static UserInfo readUser(CodedInputStream in) throws IOException {
        String name = "";
        String hash = "";
        boolean admin = false;
        TreeMap<String, Privilege> privileges = new TreeMap<>();
        for (int tag; (tag = in.readTag()) != 0; ) {
            switch (tag >>> 3) {
                case 1 -> name = in.readString();
                case 2 -> hash = in.readString();
                case 3 -> admin = in.readBool();
                case 4 -> {
                    CodedInputStream p = sub(in);
                    String db = "";
                    int level = 0;
                    for (int t; (t = p.readTag()) != 0; ) {
                        switch (t >>> 3) {
                            case 1 -> db = p.readString();
                            case 2 -> level = p.readInt32();
                            default -> p.skipField(t);
                        }
                    }
                    privileges.put(db, Privilege.values()[Math.max(0, Math.min(3, level))]);
                }
                default -> in.skipField(tag);
            }
        }
        return new UserInfo(name, hash, admin, privileges);
    }
}
