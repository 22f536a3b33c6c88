package io.shardline.launcher.transfer;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Counts the bytes and the newlines written through it and calls {@code onWrite} after each write
 * (the exporter's progress check). Confined to the writing thread.
 */
final class CountingOutputStream extends FilterOutputStream {

    private final Runnable onWrite;
    private long bytes;
    private long newlines;

    CountingOutputStream(OutputStream out, Runnable onWrite) {
        super(out);
        this.onWrite = onWrite;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        bytes++;
        if (b == '\n') {
            newlines++;
        }
        onWrite.run();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        bytes += len;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                newlines++;
            }
        }
        onWrite.run();
    }

    long bytes() {
        return bytes;
    }

    long newlines() {
        return newlines;
    }
}
