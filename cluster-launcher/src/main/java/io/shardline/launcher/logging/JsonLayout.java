package io.shardline.launcher.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;
import io.shardline.common.json.GoJson;

/** One JSON object per line: {@code {"ts":...,"lvl":...,"msg":...,"node":...,<fields>}}. */
public final class JsonLayout extends LayoutBase<ILoggingEvent> {

    private String node = "shardline";

    public void setNode(String node) {
        this.node = node;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        LogLine line = LogLine.of(event, node);
        StringBuilder b = new StringBuilder(200);
        b.append("{\"ts\":").append(GoJson.quote(line.ts()))
                .append(",\"lvl\":").append(GoJson.quote(line.level()))
                .append(",\"msg\":").append(GoJson.quote(line.message()));
        for (String[] f : line.fields()) {
            b.append(',').append(GoJson.quote(f[0])).append(':').append(GoJson.quote(f[1]));
        }
        if (line.error() != null) {
            b.append(",\"error\":").append(GoJson.quote(line.error()));
        }
        if (line.stack() != null) {
            b.append(",\"stack\":").append(GoJson.quote(line.stack()));
        }
        return b.append("}\n").toString();
    }
}
