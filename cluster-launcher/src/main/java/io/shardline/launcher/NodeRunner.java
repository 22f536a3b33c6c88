package io.shardline.launcher;

import io.shardline.common.error.ShardlineException;
import io.shardline.common.lifecycle.Service;
import io.shardline.common.time.Clock;
import io.shardline.config.ConfigLoader;
import io.shardline.config.LoadedConfig;
import io.shardline.launcher.logging.LogSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Runs one node as a process: loads and validates the configuration, sets up logging, starts the
 * node, writes the pid file, and on SIGTERM or SIGINT closes everything and returns 0 (a watchdog
 * halts the process if closing takes longer than {@link #SHUTDOWN_LIMIT_MS}). Any start-up failure
 * is one line {@code Error: ...} on stderr and exit code 1, never a stack trace.
 */
final class NodeRunner {

    static final long SHUTDOWN_LIMIT_MS = 4_500;

    private NodeRunner() {
    }

    static int run(NodeKind kind, Path configFile, String nodeName, Path pidFile) {
        LoadedConfig loaded;
        Clock clock;
        try {
            loaded = ConfigLoader.load(kind.definition(), configFile, System.getenv());
            clock = Clock.system();
        } catch (ShardlineException e) {
            System.err.println("Error: " + e.getMessage());
            return 1;
        }
        LogSetup.configure(nodeName, kind.logging(loaded.config()));
        Logger log = LoggerFactory.getLogger(NodeRunner.class);
        loaded.warnings().forEach(w -> log.warn("Configuration: {}", w));
        if (!Clock.systemOffset().isZero()) {
            log.warn("Wall clock skewed by -Dshardline.clock.offset offset={}", Clock.systemOffset());
        }
        log.info("Starting {} node config={} pid={}", kind.name().toLowerCase(),
                configFile == null ? "defaults" : configFile, ProcessHandle.current().pid());

        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), s -> stop.countDown());
        Signal.handle(new Signal("INT"), s -> stop.countDown());

        Service node = kind.create(loaded.config(), clock);
        try {
            node.start();
            if (pidFile != null) {
                writePidFile(pidFile);
            }
        } catch (ShardlineException e) {
            log.error("Start-up failed: {}", e.getMessage());
            System.err.println("Error: " + e.getMessage());
            node.close();
            return 1;
        }
        awaitUninterruptibly(stop);
        log.info("Signal received, shutting down");
        startWatchdog(log);
        node.close();
        deletePidFile(pidFile, log);
        log.info("Shutdown complete");
        return 0;
    }

    private static void writePidFile(Path pidFile) {
        try {
            if (pidFile.getParent() != null) {
                Files.createDirectories(pidFile.getParent());
            }
            Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new ShardlineException(io.shardline.common.error.ErrorCode.IO_ERROR,
                    "cannot write pid file " + pidFile + ": " + e.getMessage(), e);
        }
    }

    private static void deletePidFile(Path pidFile, Logger log) {
        if (pidFile == null) {
            return;
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            log.warn("Cannot delete pid file path={}", pidFile);
        }
    }

    private static void startWatchdog(Logger log) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(SHUTDOWN_LIMIT_MS);
            } catch (InterruptedException e) {
                return;
            }
            log.error("Shutdown did not finish within {} ms; halting", SHUTDOWN_LIMIT_MS);
            Runtime.getRuntime().halt(1);
        }, "shutdown-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (true) {
            try {
                latch.await(1, TimeUnit.DAYS);
                if (latch.getCount() == 0) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
