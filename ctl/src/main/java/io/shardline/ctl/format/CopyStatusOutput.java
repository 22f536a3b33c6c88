package io.shardline.ctl.format;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What {@code shardline-ctl copy-shard-status} prints, as influxd-ctl does: one untitled table
 * {@code Source, Dest, Database, Policy, ShardID, TotalSize, CurrentSize, StartedAt} with sizes in
 * bytes and {@code StartedAt} in Go's {@code time.String()} form in the ctl's time zone
 * ({@code 2023-06-22 23:45:09.470696179 +0000 UTC}), oldest copy first. With no copy in progress only
 * the header is printed. Pure.
 */
public final class CopyStatusOutput {

    static final List<String> HEADER = List.of("Source", "Dest", "Database", "Policy", "ShardID", "TotalSize",
            "CurrentSize", "StartedAt");

    private CopyStatusOutput() {
    }

    public static String render(List<CopyStatusRow> copies, ZoneId zone) {
        List<CopyStatusRow> sorted = new ArrayList<>(copies);
        sorted.sort(Comparator.comparingLong(CopyStatusRow::startedAtNanos).thenComparingLong(CopyStatusRow::shardId)
                .thenComparing(CopyStatusRow::destination));
        List<List<String>> table = new ArrayList<>();
        table.add(HEADER);
        for (CopyStatusRow c : sorted) {
            table.add(List.of(c.source(), c.destination(), c.database(), c.retentionPolicy(), Long.toString(c.shardId()),
                    Long.toString(c.totalBytes()), Long.toString(c.copiedBytes()),
                    GoTimes.goString(c.startedAtNanos(), zone)));
        }
        return GoTabWriter.STANDARD.table(table);
    }
}
