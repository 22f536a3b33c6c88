package io.shardline.ctl.format;

import io.shardline.proto.datanode.EntropyOwnerDetail;
import io.shardline.proto.datanode.EntropyShardStatus;
import io.shardline.proto.datanode.EntropyStatusResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code shardline-ctl entropy show} prints, as influxd-ctl: the {@code Entropy} section with
 * {@code ID, Database, Retention Policy, Start, End, Expires, Status} (times in Go's
 * {@code time.Time.String()} form in UTC, {@code Expires} blank for an infinite policy as in
 * {@code show-shards}), then {@code Queued Shards: [21179 25165]} after a blank line when the queue is
 * not empty. With {@code -v} (Shardline) an {@code Owners} section follows: per owner of every
 * {@code diff} shard its point count, digest root (16 hex digits, at one version cut-off for all
 * owners), last change, and the patch bytes it estimated it would push at its last comparison
 * ({@code -} unknown). Pure.
 */
public final class EntropyOutput {

    static final List<String> HEADER = List.of("ID", "Database", "Retention Policy", "Start", "End", "Expires", "Status");
    static final List<String> OWNERS_HEADER = List.of("Shard", "Owner", "TCP Address", "Points", "Digest Root",
            "Last Modified", "Repair Bytes");

    private EntropyOutput() {
    }

    public static String render(EntropyStatusResponse status, boolean verbose) {
        List<List<String>> table = new ArrayList<>();
        table.add(HEADER);
        for (EntropyShardStatus s : status.getShardsList()) {
            table.add(List.of(Long.toString(s.getId()), s.getDatabase(), s.getRetentionPolicy(),
                    GoTimes.goStringUtc(s.getStartTime()), GoTimes.goStringUtc(s.getEndTime()),
                    s.getExpires() == 0 ? "" : GoTimes.goStringUtc(s.getExpires()), s.getStatus()));
        }
        StringBuilder out = new StringBuilder(Sections.section("Entropy", GoTabWriter.STANDARD.table(table)));
        if (status.getQueuedShardsCount() > 0) {
            out.append('\n').append(queued(status.getQueuedShardsList())).append('\n');
        }
        if (verbose) {
            out.append('\n').append(owners(status.getOwnersList()));
        }
        return out.toString();
    }

    /** {@code Queued Shards: [3 5 9]}, Go's {@code fmt} of a slice. */
    static String queued(List<Long> ids) {
        StringBuilder b = new StringBuilder("Queued Shards: [");
        for (int i = 0; i < ids.size(); i++) {
            b.append(i == 0 ? "" : " ").append(ids.get(i));
        }
        return b.append(']').toString();
    }

    static String owners(List<EntropyOwnerDetail> owners) {
        boolean errors = owners.stream().anyMatch(o -> !o.getError().isEmpty());
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(OWNERS_HEADER);
        if (errors) {
            header.add("Error");
        }
        table.add(header);
        for (EntropyOwnerDetail o : owners) {
            boolean answered = o.getError().isEmpty();
            List<String> row = new ArrayList<>(List.of(Long.toString(o.getShardId()), Long.toString(o.getNodeId()),
                    o.getTcpAddress(),
                    !answered ? "-" : o.getExists() ? Long.toString(o.getPoints()) : "missing",
                    answered && o.getExists() ? String.format(Locale.ROOT, "%016x", o.getDigestRoot()) : "-",
                    answered && o.getLastModified() > 0 ? GoTimes.goStringUtc(o.getLastModified()) : "-",
                    answered && o.getEstimatedRepairBytes() >= 0 ? Long.toString(o.getEstimatedRepairBytes()) : "-"));
            if (errors) {
                row.add(o.getError());
            }
            table.add(row);
        }
        return Sections.section("Owners", GoTabWriter.STANDARD.table(table));
    }
}
