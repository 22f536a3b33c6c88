package io.shardline.launcher.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;

/**
 * InfluxDB-style logfmt: {@code ts=... lvl=info msg="..." node=data1 key=value ...}, one line per
 * event. A stack trace, when there is one, follows on indented lines.
 */
public final class LogfmtLayout extends LayoutBase<ILoggingEvent> {

    private String node = "shardline";

    public void setNode(String node) {
        this.node = node;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        LogLine line = LogLine.of(event, node);
        StringBuilder b = new StringBuilder(160);
        b.append("ts=").append(line.ts()).append(" lvl=").append(line.level()).append(" msg=");
        appendValue(b, line.message());
        for (String[] f : line.fields()) {
            b.append(' ').append(f[0]).append('=');
            appendValue(b, f[1]);
        }
        if (line.error() != null) {
            b.append(" error=");
            appendValue(b, line.error());
        }
        b.append('\n');
        if (line.stack() != null) {
            b.append(line.stack().replaceAll("(?m)^", "  "));
            if (b.charAt(b.length() - 1) != '\n') {
                b.append('\n');
            }
        }
        return b.toString();
    }

    static void appendValue(StringBuilder b, String v) {
        boolean quote = v.isEmpty();
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c <= ' ' || c == '"' || c == '=' || c == '\\';
        }
        if (!quote) {
            b.append(v);
            return;
        }
        b.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        b.append('"');
    }
}
