package io.shardline.launcher.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import io.shardline.config.LoggingConfig;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Configures Logback for a node process from {@code [logging]}: one line per event on standard
 * output in logfmt or JSON, with the node name on every line. Chatty libraries (Ratis, gRPC,
 * Netty) are held at WARN; java.util.logging is bridged to SLF4J.
 */
public final class LogSetup {

    private static final Map<String, Level> QUIET = Map.of(
            "org.apache.ratis", Level.WARN,
            "io.grpc", Level.WARN,
            "io.netty", Level.WARN,
            "org.rocksdb", Level.WARN);

    private LogSetup() {
    }

    /** Replaces any previous configuration. */
    public static void configure(String node, LoggingConfig logging) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        LevelChangePropagator propagator = new LevelChangePropagator();
        propagator.setContext(context);
        propagator.setResetJUL(true);
        propagator.start();
        context.addListener(propagator);

        LayoutBase<ILoggingEvent> layout;
        if ("json".equals(logging.format())) {
            JsonLayout json = new JsonLayout();
            json.setNode(node);
            layout = json;
        } else {
            LogfmtLayout logfmt = new LogfmtLayout();
            logfmt.setNode(node);
            layout = logfmt;
        }
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("stdout");
        appender.setEncoder(encoder);
        appender.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(logging.level(), Level.INFO));
        root.addAppender(appender);
        QUIET.forEach((name, level) -> context.getLogger(name).setLevel(level));

        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
