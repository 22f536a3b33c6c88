package io.shardline.query.result;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the results of a non-chunked {@code /query} like 1.x's handler: pieces of the same statement are
 * merged (rows of a continued series appended), and {@code max-row-limit} truncates the rows, marking the cut
 * series {@code partial}. Feed it a statement's result in pieces of 10,000 rows per series (1.x's emitter chunks
 * non-chunked answers too): a series longer than that keeps the first piece's {@code "partial": true}, as 1.x.
 * Not thread-safe; one per request.
 */
public final class ResponseBuilder {

    private final int maxRowLimit;
    private final List<Result> results = new ArrayList<>();
    private int rows;

    /** A builder; {@code maxRowLimit <= 0} disables the row limit. */
    public ResponseBuilder(int maxRowLimit) {
        this.maxRowLimit = maxRowLimit;
    }

    /**
     * Adds the next result piece. Returns false once the row limit is reached, after which the caller stops
     * (1.x drops the rest of the results).
     */
    public boolean add(Result piece) {
        Result r = maxRowLimit > 0 ? truncate(piece) : piece;
        int last = results.size() - 1;
        if (last < 0 || results.get(last).statementId() != r.statementId()) {
            results.add(r);
        } else if (r.error() != null) {
            results.set(last, r);
        } else {
            results.set(last, merge(results.get(last), r));
        }
        if (maxRowLimit > 0 && rows >= maxRowLimit) {
            Result cur = results.get(results.size() - 1);
            results.set(results.size() - 1,
                    new Result(cur.statementId(), cur.series(), cur.messages(), cur.error(), false));
            return false;
        }
        return true;
    }

    /** The merged results. */
    public List<Result> results() {
        return List.copyOf(results);
    }

    private Result truncate(Result r) {
        List<Series> kept = new ArrayList<>();
        for (Series s : r.series()) {
            int n = maxRowLimit - rows;
            Series t = s;
            if (n < s.values().size()) {
                t = s.withValues(s.values().subList(0, Math.max(n, 0)), true);
            }
            rows += t.values().size();
            kept.add(t);
            if (rows >= maxRowLimit) {
                break;
            }
        }
        return new Result(r.statementId(), kept, r.messages(), r.error(), r.partial());
    }

    private static Result merge(Result cur, Result next) {
        List<Series> series = new ArrayList<>(cur.series());
        int merged = 0;
        if (!series.isEmpty()) {
            Series lastSeries = series.get(series.size() - 1);
            for (Series s : next.series()) {
                if (!lastSeries.sameSeries(s)) {
                    break;
                }
                List<List<Object>> values = new ArrayList<>(lastSeries.values());
                values.addAll(s.values());
                lastSeries = lastSeries.withValues(values, lastSeries.partial()); // 1.x keeps the first piece's flag
                merged++;
            }
            series.set(series.size() - 1, lastSeries);
        }
        series.addAll(next.series().subList(merged, next.series().size()));
        List<Message> messages = new ArrayList<>(cur.messages());
        messages.addAll(next.messages());
        return new Result(cur.statementId(), series, messages, cur.error(), next.partial());
    }
}
