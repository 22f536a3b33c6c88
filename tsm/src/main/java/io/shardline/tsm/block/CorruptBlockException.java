package io.shardline.tsm.block;

/**
 * Encoded TSM data that cannot be decoded: a bad header, a truncated stream, counts that disagree.
 * Thrown by the codecs of this package without file context; the file reader wraps it into a
 * {@code ShardlineException} naming the file, key and offset.
 */
public final class CorruptBlockException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CorruptBlockException(String message) {
        super(message);
    }

    public CorruptBlockException(String message, Throwable cause) {
        super(message, cause);
    }
}
