package io.shardline.meta.http;

import io.shardline.common.json.GoJson;
import io.shardline.meta.ratis.RaftHistory;
import io.shardline.meta.ratis.RaftStatus;
import java.util.Map;

/**
 * The JSON of the status port's {@code /raft} (Shardline only):
 * <pre>
 * {"self":"h:p","role":"LEADER","term":3,"leader":"h:p","commitIndex":41,"appliedIndex":41,
 *  "start":0,"runs":[[1,1,17,"9f3c..."],[3,18,41,"04ab..."]],   term, first, last, chained hash (hex)
 *  "leaders":[[1,"h:p"],[3,"h:p"]],"ledTerms":[3]}
 * </pre>
 * Stateless.
 */
final class RaftStatusJson {

    private RaftStatusJson() {
    }

    static String toJson(RaftStatus s) {
        RaftHistory.View h = s.history();
        StringBuilder b = new StringBuilder("{\"self\":").append(GoJson.quote(s.self()))
                .append(",\"role\":").append(GoJson.quote(s.role()))
                .append(",\"term\":").append(s.term())
                .append(",\"leader\":").append(GoJson.quote(s.leader()))
                .append(",\"commitIndex\":").append(s.commitIndex())
                .append(",\"appliedIndex\":").append(s.appliedIndex())
                .append(",\"start\":").append(h.start())
                .append(",\"runs\":[");
        for (int i = 0; i < h.runs().size(); i++) {
            RaftHistory.Run r = h.runs().get(i);
            b.append(i == 0 ? "" : ",").append('[').append(r.term()).append(',').append(r.first()).append(',')
                    .append(r.last()).append(",\"").append(Long.toHexString(r.hash())).append("\"]");
        }
        b.append("],\"leaders\":[");
        String sep = "";
        for (Map.Entry<Long, String> e : h.leaders().entrySet()) {
            b.append(sep).append('[').append(e.getKey()).append(',').append(GoJson.quote(e.getValue())).append(']');
            sep = ",";
        }
        b.append("],\"ledTerms\":[");
        for (int i = 0; i < h.ledTerms().size(); i++) {
            b.append(i == 0 ? "" : ",").append(h.ledTerms().get(i));
        }
        return b.append("]}").toString();
    }
}
