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

    /**
     * The results of a non-chunked answer: each statement's result cut into pieces of
     * {@link Chunker#DEFAULT_CHUNK_SIZE} rows per series and merged back as 1.x does, with {@code max-row-limit}
     * ({@code <= 0}: none). When no series is that long and the rows stay under the limit, merging the pieces gives
     * every result back as it is (not partial), so that is returned without cutting and merging one piece per
     * series (an answer of 300,000 one-row series would otherwise build 300,000 piece results).
     */
    public static List<Result> nonChunked(List<Result> results, int maxRowLimit) {
        if (!needsPieces(results, maxRowLimit)) {
            List<Result> out = new ArrayList<>(results.size());
            for (Result r : results) {
                // the last piece's flags: not partial, and a piece never carries an error
                out.add(r.series().isEmpty() ? r : new Result(r.statementId(), r.series(), r.messages(), null, false));
            }
            return List.copyOf(out);
        }
        return merged(results, maxRowLimit);
    }

    /** {@link #nonChunked} the long way: always through the pieces. */
    static List<Result> merged(List<Result> results, int maxRowLimit) {
        ResponseBuilder builder = new ResponseBuilder(maxRowLimit);
        for (Result r : results) {
            for (Result piece : Chunker.chunk(r, Chunker.DEFAULT_CHUNK_SIZE)) {
                if (!builder.add(piece)) {
                    return builder.results(); // max-row-limit reached: 1.x drops the later results
                }
            }
        }
        return builder.results();
    }

    private static boolean needsPieces(List<Result> results, int maxRowLimit) {
        long rows = 0;
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            if (i > 0 && results.get(i - 1).statementId() == r.statementId()) {
                return true; // pieces of one statement are merged
            }
            for (Series s : r.series()) {
                int n = s.values().size();
                if (n > Chunker.DEFAULT_CHUNK_SIZE || s.partial()) {
                    return true;
                }
                rows += n;
            }
        }
        return maxRowLimit > 0 && rows >= maxRowLimit;
    }

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
