package io.shardline.ctl.format;

import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.NodeInfo;
import io.shardline.meta.model.RetentionPolicyInfo;
import io.shardline.meta.model.ShardGroupInfo;
import io.shardline.meta.model.ShardLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@code shardline-ctl show-shards} prints: the {@code Shards} section with
 * {@code ID, Database, Retention Policy, Desired Replicas, Shard Group, Start, End, Expires, Owners},
 * one line per shard by ascending id. Times are RFC3339Nano in UTC; a truncated group's {@code End} is
 * its truncation time followed by {@code *}; {@code Expires} ({@code end + duration}) is blank for an
 * infinite policy. Groups that are deleted or expired at {@code now} are left out unless asked for
 * ({@code -e}). The owners cell is pluggable so {@code -v} can print owner details. Pure.
 */
public final class ShardsOutput {

    static final List<String> HEADER = List.of("ID", "Database", "Retention Policy", "Desired Replicas", "Shard Group",
            "Start", "End", "Expires", "Owners");

    private ShardsOutput() {
    }

    /** The plain owners cell: {@code [{4 data1:8088} {5 data2:8088}]} (see {@link OwnerList}). */
    public static Function<ShardLocation, String> plainOwners(ClusterMetadata metadata) {
        Map<Long, String> addresses = metadata.dataNodes().stream()
                .collect(Collectors.toMap(NodeInfo::id, NodeInfo::tcpAddress));
        return location -> OwnerList.format(location.shard().owners(), addresses);
    }

    /** The rows to print at {@code nowNanos}, by shard id. */
    public static List<ShardRow> rows(ClusterMetadata metadata, long nowNanos, boolean includeExpired,
                                      Function<ShardLocation, String> owners) {
        List<ShardRow> rows = new ArrayList<>();
        for (ShardLocation location : metadata.shards()) {
            RetentionPolicyInfo policy = metadata.retentionPolicy(location.database(), location.retentionPolicy())
                    .orElseThrow();
            ShardGroupInfo group = location.group();
            boolean gone = group.deleted() || policy.expired(group, nowNanos);
            if (gone && !includeExpired) {
                continue;
            }
            rows.add(new ShardRow(location.shardId(), location.database(), location.retentionPolicy(),
                    policy.replicaN(), group.id(), group.startTime(), group.effectiveEnd(), group.truncated(),
                    policy.expiryTime(group), owners.apply(location)));
        }
        rows.sort(Comparator.comparingLong(ShardRow::id));
        return rows;
    }

    public static String render(List<ShardRow> rows) {
        List<List<String>> table = new ArrayList<>();
        table.add(HEADER);
        for (ShardRow r : rows) {
            table.add(List.of(Long.toString(r.id()), r.database(), r.retentionPolicy(),
                    Integer.toString(r.desiredReplicas()), Long.toString(r.shardGroupId()), GoTimes.rfc3339Nano(r.start()),
                    GoTimes.rfc3339Nano(r.end()) + (r.truncated() ? "*" : ""),
                    r.expires().isPresent() ? GoTimes.rfc3339Nano(r.expires().getAsLong()) : "", r.owners()));
        }
        return Sections.section("Shards", GoTabWriter.STANDARD.table(table));
    }
}
