package io.shardline.datanode.http;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where access-log lines go, as in 1.x: standard error with an {@code [httpd] } prefix, or appended
 * to {@code [http] access-log-path} without it (falling back to standard error if the file cannot
 * be opened). One line is written whole per call. Thread-safe.
 */
public final class AccessLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);

    private final PrintStream out;
    private final String prefix;
    private final boolean ownsStream;

    AccessLog(PrintStream out, String prefix, boolean ownsStream) {
        this.out = out;
        this.prefix = prefix;
        this.ownsStream = ownsStream;
    }

    /** Opens the log for {@code path} (empty: standard error). */
    public static AccessLog open(String path) {
        if (path == null || path.isEmpty()) {
            return new AccessLog(System.err, "[httpd] ", false);
        }
        try {
            Path file = Path.of(path);
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            OutputStream stream = new FileOutputStream(file.toFile(), true);
            LOG.info("Opened HTTP access log path={}", path);
            return new AccessLog(new PrintStream(stream, false, StandardCharsets.UTF_8), "", true);
        } catch (IOException | RuntimeException e) {
            LOG.error("Unable to open access log, falling back to stderr path={} error=\"{}\"", path, e.getMessage());
            return new AccessLog(System.err, "[httpd] ", false);
        }
    }

    void write(String line) {
        String whole = prefix + line + "\n";
        byte[] ascii = ascii(whole);
        synchronized (out) {
            if (ascii != null) {
                out.write(ascii, 0, ascii.length); // the same bytes in any charset the stream may use
            } else {
                out.print(whole);
            }
            out.flush();
        }
    }

    /**
     * The bytes of {@code text} when it is all ASCII (almost every line: the URI is escaped), which skips the
     * stream's character encoder; null otherwise.
     */
    private static byte[] ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return null;
            }
        }
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        if (ownsStream) {
            out.close();
        }
    }
}
