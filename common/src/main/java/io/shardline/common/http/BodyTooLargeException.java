package io.shardline.common.http;

import java.io.IOException;

/** Thrown while reading a streamed body that exceeds the server's maximum body size. */
public final class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public BodyTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
    }
}
