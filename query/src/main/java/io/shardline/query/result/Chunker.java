package io.shardline.query.result;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a statement's result into {@code chunked=true} pieces like 1.x's emitter: one series of at most
 * {@code chunkSize} rows per chunk, {@code partial:true} on a series continued in the next chunk and on every
 * result but the statement's last. Stateless.
 */
public final class Chunker {

    /** 1.x's default {@code chunk_size}. */
    public static final int DEFAULT_CHUNK_SIZE = 10_000;

    private Chunker() {
    }

    /** The chunks of {@code result}; {@code chunkSize <= 0} means the default. */
    public static List<Result> chunk(Result result, int chunkSize) {
        int size = chunkSize <= 0 ? DEFAULT_CHUNK_SIZE : chunkSize;
        if (result.series().isEmpty()) {
            return List.of(result);
        }
        List<Series> pieces = new ArrayList<>();
        for (Series s : result.series()) {
            List<List<Object>> rows = s.values();
            if (rows.size() <= size) {
                pieces.add(s);
                continue;
            }
            for (int from = 0; from < rows.size(); from += size) {
                int to = Math.min(rows.size(), from + size);
                pieces.add(s.withValues(rows.subList(from, to), to < rows.size()));
            }
        }
        List<Result> out = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            boolean last = i == pieces.size() - 1;
            List<Message> messages = i == 0 ? result.messages() : List.of();
            out.add(new Result(result.statementId(), List.of(pieces.get(i)), messages, null, !last));
        }
        return out;
    }
}
