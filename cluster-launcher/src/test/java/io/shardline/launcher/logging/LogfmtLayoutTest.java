package io.shardline.launcher.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class LogfmtLayoutTest {

    private static LoggingEvent event(String format, Object... args) {
        LoggerContext context = new LoggerContext();
        Logger logger = context.getLogger("io.shardline.datanode.ShardStore");
        LoggingEvent e = new LoggingEvent("x", logger, Level.INFO, format, null, args);
        e.setTimeStamp(1_700_000_000_123L);
        return e;
    }

    @Test
    void trailingKeyValueWordsBecomeFields() {
        LogfmtLayout layout = new LogfmtLayout();
        layout.setNode("data1");
        assertThat(layout.doLayout(event("Opened shard shard={} db={}", 17, "telegraf")))
                .isEqualTo("ts=2023-11-14T22:13:20.123000Z lvl=info msg=\"Opened shard\" node=data1 shard=17"
                        + " db=telegraf logger=ShardStore\n");
    }

    @Test
    void valuesWithSpacesOrQuotesAreQuoted() {
        LogfmtLayout layout = new LogfmtLayout();
        layout.setNode("meta 1");
        assertThat(layout.doLayout(event("Config warning: {}", "key \"x\" unknown")))
                .contains("msg=\"Config warning: key \\\"x\\\" unknown\" node=\"meta 1\"");
    }

    @Test
    void jsonLayoutCarriesTheSameFields() {
        JsonLayout layout = new JsonLayout();
        layout.setNode("data2");
        assertThat(layout.doLayout(event("Listening on HTTP service={} addr={}", "http", "127.0.0.1:8086")))
                .isEqualTo("{\"ts\":\"2023-11-14T22:13:20.123000Z\",\"lvl\":\"info\",\"msg\":\"Listening on HTTP\","
                        + "\"node\":\"data2\",\"service\":\"http\",\"addr\":\"127.0.0.1:8086\",\"logger\":\"ShardStore\"}\n");
    }
}
