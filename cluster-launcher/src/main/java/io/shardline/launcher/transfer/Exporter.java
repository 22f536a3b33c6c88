package io.shardline.launcher.transfer;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.time.Clock;
import io.shardline.storage.ShardId;
import io.shardline.storage.rocks.ReadOnlyShard;
import io.shardline.storage.rocks.ReadOnlyShards;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the selected shards of a data directory as an {@code influx_inspect export} file: header,
 * DDL for every database and retention policy selected, then per retention policy its context
 * lines and the lines of its shards in id order (each shard from its own consistent read-only view).
 * Prints a progress line to {@code progress} every {@link #PROGRESS_NANOS} and returns the totals.
 * Confined to the calling thread.
 */
final class Exporter {

    /** How many points and bytes went out, from how many shards, in how long. */
    record Summary(long points, long bytes, int shards, long nanos) {
    }

    static final long PROGRESS_NANOS = 2_000_000_000L;

    private final ReadOnlyShards shards;
    private final Clock clock;
    private final PrintStream progress;
    private long started;
    private long nextProgress;
    private String current = "";
    private CountingOutputStream counter;

    Exporter(ReadOnlyShards shards, Clock clock, PrintStream progress) {
        this.shards = shards;
        this.clock = clock;
        this.progress = progress;
    }

    Summary export(ExportRequest request, OutputStream out) throws IOException {
        Map<String, List<ShardId>> byRp = select(request);
        started = clock.monotonicNanos();
        nextProgress = started + PROGRESS_NANOS;
        counter = new CountingOutputStream(out, this::maybeReport);
        Writer w = new BufferedWriter(new OutputStreamWriter(counter, StandardCharsets.UTF_8), 1 << 16);
        if (!request.lineProtocolOnly()) {
            w.write(ExportFormat.header(request.range().min(), request.range().max()));
            w.write(ExportFormat.DDL);
            for (List<ShardId> ids : byRp.values()) {
                w.write(ExportFormat.createDatabase(ids.get(0).database(), ids.get(0).retentionPolicy()));
            }
            w.write(ExportFormat.DML);
        }
        long points = 0;
        int done = 0;
        int total = byRp.values().stream().mapToInt(List::size).sum();
        for (List<ShardId> ids : byRp.values()) {
            if (!request.lineProtocolOnly()) {
                w.write(ExportFormat.context(ids.get(0).database(), ids.get(0).retentionPolicy()));
                w.write(ExportFormat.TSM_DATA);
            }
            for (ShardId id : ids) {
                current = "shard " + id.id() + " (" + id.database() + "/" + id.retentionPolicy() + ", " + (++done)
                        + " of " + total + ")";
                try (ReadOnlyShard shard = shards.open(id)) {
                    points += shard.exportLineProtocol(request.range(), w);
                }
            }
        }
        w.flush();
        return new Summary(points, counter.bytes(), total, clock.monotonicNanos() - started);
    }

    /** The selected shards grouped by database and retention policy, both sorted, ids ascending. */
    private Map<String, List<ShardId>> select(ExportRequest request) {
        Map<String, List<ShardId>> byRp = new LinkedHashMap<>();
        for (ShardId id : shards.discover()) {
            if (request.selects(id)) {
                byRp.computeIfAbsent(id.database() + "\0" + id.retentionPolicy(), k -> new ArrayList<>()).add(id);
            }
        }
        if (request.shard() != null && byRp.isEmpty()) {
            throw new ShardlineException(ErrorCode.NOT_FOUND, "shard " + request.shard() + " not found"
                    + (request.database() == null ? "" : " in database " + request.database())
                    + (request.retentionPolicy() == null ? "" : " retention policy " + request.retentionPolicy()));
        }
        return byRp;
    }

    private void maybeReport() {
        long now = clock.monotonicNanos();
        if (now < nextProgress) {
            return;
        }
        nextProgress = now + PROGRESS_NANOS;
        long nanos = now - started;
        progress.printf("exported %s points (%s) in %s, %s points/s; at %s%n", Rates.count(counter.newlines()),
                Rates.bytes(counter.bytes()), Rates.seconds(nanos), Rates.count(Rates.perSecond(counter.newlines(), nanos)),
                current);
    }
}
