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
    /** The statement being merged, kept mutable so that each piece costs its own size, not the result's. */
    private Pending pending;
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
        if (pending == null || pending.statementId != r.statementId()) {
            if (pending != null) {
                results.add(pending.toResult());
            }
            pending = new Pending(r);
        } else if (r.error() != null) {
            pending = new Pending(r);
        } else {
            pending.merge(r);
        }
        if (maxRowLimit > 0 && rows >= maxRowLimit) {
            pending.partial = false;
            return false;
        }
        return true;
    }

    /** The merged results. */
    public List<Result> results() {
        List<Result> out = new ArrayList<>(results);
        if (pending != null) {
            out.add(pending.toResult());
        }
        return List.copyOf(out);
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

    /**
     * One statement's merged pieces: finished series, and the last one's rows still open for a continuation
     * (1.x keeps the first piece's partial flag for a continued series).
     */
    private static final class Pending {
        final int statementId;
        final String error;
        final List<Series> series = new ArrayList<>();
        final List<Message> messages = new ArrayList<>();
        Series last;
        List<List<Object>> lastRows;
        boolean partial;

        Pending(Result r) {
            statementId = r.statementId();
            error = r.error();
            partial = r.partial();
            messages.addAll(r.messages());
            addSeries(r.series(), 0);
        }

        void merge(Result next) {
            int merged = 0;
            if (last != null) {
                for (Series s : next.series()) {
                    if (!last.sameSeries(s)) {
                        break;
                    }
                    if (lastRows == null) {
                        lastRows = new ArrayList<>(last.values());
                    }
                    lastRows.addAll(s.values());
                    merged++;
                }
            }
            addSeries(next.series(), merged);
            messages.addAll(next.messages());
            partial = next.partial();
        }

        private void addSeries(List<Series> more, int from) {
            for (int i = from; i < more.size(); i++) {
                closeLast();
                last = more.get(i);
            }
        }

        private void closeLast() {
            if (last != null) {
                series.add(lastRows == null ? last : last.withValues(lastRows, last.partial()));
            }
            last = null;
            lastRows = null;
        }

        Result toResult() {
            List<Series> all = new ArrayList<>(series);
            if (last != null) {
                all.add(lastRows == null ? last : last.withValues(lastRows, last.partial()));
            }
            return new Result(statementId, all, messages, error, partial);
        }
    }
}
