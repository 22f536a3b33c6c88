package io.shardline.datanode.entropy;

import java.util.List;

/**
 * The JSON of {@code GET /shard-repair/status}, exactly InfluxDB Enterprise's: ids and times are
 * strings, times in Unix nanoseconds, {@code expires} {@code "0"} for an infinite policy, then the
 * queued and processing shard ids; one line followed by a newline. Pure and stateless.
 *
 * <pre>
 * {"shards":[{"id":"1","database":"ae","retention_policy":"autogen","start_time":"-259200000000000",
 *   "end_time":"345600000000000","expires":"0","status":"diff"}],"queued_shards":["3","5","9"],
 *   "processing_shards":["3","9"]}
 * </pre>
 */
public final class StatusJson {

    private StatusJson() {
    }

    public static String render(EntropyReport report) {
        StringBuilder b = new StringBuilder(256).append("{\"shards\":[");
        for (int i = 0; i < report.shards().size(); i++) {
            ShardEntropy s = report.shards().get(i);
            b.append(i == 0 ? "" : ",").append("{\"id\":");
            string(b, Long.toString(s.id())).append(",\"database\":");
            string(b, s.database()).append(",\"retention_policy\":");
            string(b, s.retentionPolicy()).append(",\"start_time\":");
            string(b, Long.toString(s.startTime())).append(",\"end_time\":");
            string(b, Long.toString(s.endTime())).append(",\"expires\":");
            string(b, Long.toString(s.expires())).append(",\"status\":");
            string(b, s.status()).append('}');
        }
        b.append("],\"queued_shards\":");
        ids(b, report.queued());
        b.append(",\"processing_shards\":");
        ids(b, report.processing());
        return b.append("}\n").toString();
    }

    private static void ids(StringBuilder b, List<Long> ids) {
        b.append('[');
        for (int i = 0; i < ids.size(); i++) {
            b.append(i == 0 ? "" : ",");
            string(b, Long.toString(ids.get(i)));
        }
        b.append(']');
    }

    private static StringBuilder string(StringBuilder b, String s) {
        io.shardline.common.json.GoJson.appendQuoted(b, s);
        return b;
    }
}
