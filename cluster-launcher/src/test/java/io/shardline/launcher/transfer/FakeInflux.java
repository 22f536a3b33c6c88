package io.shardline.launcher.transfer;

import io.shardline.model.FieldType;
import io.shardline.model.Point;
import io.shardline.model.Precision;
import io.shardline.model.lp.LineProtocolParser;
import io.shardline.model.lp.LineProtocolWriter;
import io.shardline.model.lp.ParseResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@link ImportTarget} that answers {@code /write} as 1.8 does, with the real parser: 400 with the
 * parse errors when nothing parsed, {@code partial write: <errors> dropped=0} when some lines did not
 * parse, {@code partial write: field type conflict: ... dropped=<n>} when points conflicted (the others
 * are stored), 404 for an unknown database. {@code CREATE DATABASE} creates one.
 */
final class FakeInflux implements ImportTarget {

    private static final Pattern CREATE = Pattern.compile("CREATE DATABASE \"?([^\" ]+)\"?(?: WITH NAME \"?([^\"]+)\"?)?");

    final Set<String> databases = new HashSet<>();
    final Map<String, Set<String>> policies = new HashMap<>();
    final List<String> statements = new ArrayList<>();
    final List<String> stored = new ArrayList<>();
    final Map<String, FieldType> types = new HashMap<>();
    boolean up = true;
    int writes;
    /** The next this many writes answer 500 {@code partial write} (an owner briefly behind). */
    int failNext;

    @Override
    public String address() {
        return "http://fake:8086";
    }

    @Override
    public boolean ping() {
        return up;
    }

    @Override
    public String query(String statement, String db) {
        statements.add(statement + " [db=" + db + "]");
        Matcher m = CREATE.matcher(statement);
        if (m.matches()) {
            Set<String> rps = policies.computeIfAbsent(m.group(1), d -> new HashSet<>());
            String rp = m.group(2) == null ? "autogen" : m.group(2);
            if (!rps.isEmpty() && !rps.contains(rp)) {
                return "retention policy conflicts with an existing policy";
            }
            databases.add(m.group(1));
            rps.add(rp);
            return null;
        }
        return "error parsing query: found " + statement.split(" ")[0] + ", expected SELECT";
    }

    @Override
    public Set<String> retentionPolicies(String db) {
        return policies.getOrDefault(db, Set.of());
    }

    @Override
    public WriteResponse write(String db, String rp, byte[] body) {
        writes++;
        if (failNext > 0) {
            failNext--;
            return new WriteResponse(500, "partial write");
        }
        if (db.isEmpty()) {
            return new WriteResponse(400, "database is required");
        }
        if (!databases.contains(db)) {
            return new WriteResponse(404, "database not found: \"" + db + "\"");
        }
        ParseResult parsed = new LineProtocolParser().parse(body, Precision.fromParam("ns").orElseThrow(), 0);
        if (parsed.points().isEmpty() && parsed.hasErrors()) {
            return new WriteResponse(400, String.join("\n", parsed.errors()));
        }
        int dropped = 0;
        String reason = null;
        for (Point p : parsed.points()) {
            String conflict = conflict(db, p);
            if (conflict != null) {
                dropped++;
                reason = reason == null ? conflict : reason;
                continue;
            }
            for (int i = 0; i < p.fieldCount(); i++) {
                types.put(db + "/" + p.measurement() + "/" + p.fieldKey(i), p.fieldType(i));
            }
            stored.add(db + "/" + rp + " " + LineProtocolWriter.toLine(p));
        }
        if (dropped > 0) {
            return new WriteResponse(400, "partial write: " + reason + " dropped=" + dropped);
        }
        if (parsed.hasErrors()) {
            return new WriteResponse(400, "partial write: " + String.join("\n", parsed.errors()) + " dropped=0");
        }
        return WriteResponse.ok();
    }

    private String conflict(String db, Point p) {
        for (int i = 0; i < p.fieldCount(); i++) {
            FieldType known = types.get(db + "/" + p.measurement() + "/" + p.fieldKey(i));
            if (known != null && known != p.fieldType(i)) {
                return "field type conflict: input field \"" + p.fieldKey(i) + "\" on measurement \"" + p.measurement()
                        + "\" is type " + p.fieldType(i) + ", already exists as type " + known;
            }
        }
        return null;
    }
}
