package io.shardline.query.result;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A large answer's UTF-8 bytes gathered piece by piece from a {@link StringBuilder} that is emptied after each
 * piece: the text is never held whole as characters, nor as one String, nor copied while it grows, which for an
 * answer of tens of megabytes saves the collector several humongous arrays. Not thread-safe.
 */
final class Utf8Pieces {

    /** Characters a piece holds at least before it is encoded. */
    static final int PIECE = 1 << 16;

    private final List<byte[]> pieces = new ArrayList<>();
    private long size;

    /**
     * Encodes and empties {@code b} once it holds a piece's worth; call it only between two complete JSON values,
     * so that no surrogate pair is cut in two.
     */
    void takeIfFull(StringBuilder b) {
        if (b.length() >= PIECE) {
            take(b);
        }
    }

    private void take(StringBuilder b) {
        if (b.length() == 0) {
            return;
        }
        byte[] piece = b.toString().getBytes(StandardCharsets.UTF_8);
        pieces.add(piece);
        size += piece.length;
        b.setLength(0);
    }

    /** Every piece and what is left in {@code b}, as one array. */
    byte[] finish(StringBuilder b) {
        take(b);
        if (pieces.size() == 1) {
            return pieces.get(0);
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("answer of " + size + " bytes is too large for one response");
        }
        byte[] all = new byte[(int) size];
        int at = 0;
        for (byte[] p : pieces) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        pieces.clear();
        return all;
    }
}
