package io.shardline.common.tls;

import io.shardline.common.lifecycle.LifecycleGuard;
import io.shardline.common.lifecycle.NamedThreadFactory;
import io.shardline.common.lifecycle.Service;
import io.shardline.common.time.Clock;
import io.shardline.common.unit.GoDurations;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code [tls] advanced-expiration}: warns in the log, ahead of time, that a certificate this node presents is
 * about to expire (and says so loudly once it has), so an operator renews it before TLS between nodes or to
 * clients breaks. Checks every certificate of each file (leaf and chain) at start and then every
 * {@link #period(Duration)}; a window of zero turns it off. The files are read again at every check, so a
 * renewed file stops the warnings. Thread-safe; its one thread is a daemon.
 */
public final class CertificateExpiryWatch implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateExpiryWatch.class);

    /** One certificate that expires within the window (or has expired: {@code remaining} negative or zero). */
    public record Finding(String key, Path file, String subject, Instant notAfter, Duration remaining) {

        public boolean expired() {
            return remaining.isNegative() || remaining.isZero();
        }

        /** The log line's text. */
        public String describe() {
            return (expired() ? "TLS certificate has expired" : "TLS certificate expires soon") + " key=\"" + key
                    + "\" file=" + file + " subject=\"" + subject + "\" not-after=" + notAfter
                    + (expired() ? "" : " in=" + GoDurations.format(remaining));
        }
    }

    private final Map<String, Path> files;
    private final Duration window;
    private final Clock clock;
    private final LifecycleGuard guard = new LifecycleGuard("certificate expiry watch");
    private ScheduledExecutorService executor;

    /**
     * @param files the configuration key (e.g. {@code [http] https-certificate}) to the PEM file it names, for
     *     every TLS endpoint the node has switched on
     * @param window {@code [tls] advanced-expiration}
     */
    public CertificateExpiryWatch(Map<String, Path> files, Duration window, Clock clock) {
        this.files = Map.copyOf(files);
        this.window = window;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "certificate expiry watch";
    }

    @Override
    public void start() {
        guard.markStarted();
        if (window.isZero() || window.isNegative() || files.isEmpty()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("tls-expiry", true));
        long every = period(window).toMillis();
        executor.scheduleWithFixedDelay(this::logFindings, 0, every, TimeUnit.MILLISECONDS);
    }

    /** How often to look: a quarter of the window, at least a minute and at most a day. */
    static Duration period(Duration window) {
        Duration quarter = window.dividedBy(4);
        if (quarter.compareTo(Duration.ofMinutes(1)) < 0) {
            return Duration.ofMinutes(1);
        }
        return quarter.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : quarter;
    }

    private void logFindings() {
        try {
            for (Finding f : findings()) {
                if (f.expired()) {
                    LOG.error(f.describe());
                } else {
                    LOG.warn(f.describe());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot check TLS certificates for expiry: {}", e.getMessage());
        }
    }

    /** The certificates that expire within the window from now, or have expired; reads the files. */
    public List<Finding> findings() {
        Instant now = Instant.ofEpochMilli(clock.wallMillis());
        List<Finding> out = new ArrayList<>();
        files.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            for (X509Certificate c : PemFiles.certificates(e.getValue(), e.getKey())) {
                Instant notAfter = c.getNotAfter().toInstant();
                Duration remaining = Duration.between(now, notAfter);
                if (remaining.compareTo(window) <= 0) {
                    out.add(new Finding(e.getKey(), e.getValue(), c.getSubjectX500Principal().getName(), notAfter,
                            remaining));
                }
            }
        });
        return out;
    }

    @Override
    public void close() {
        if (guard.markClosed() && executor != null) {
            executor.shutdownNow();
        }
    }
}
