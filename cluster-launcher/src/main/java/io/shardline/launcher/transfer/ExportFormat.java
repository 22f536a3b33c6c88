package io.shardline.launcher.transfer;

import io.shardline.query.ast.Idents;
import java.util.Optional;

/**
 * The comment and DDL lines of an {@code influx_inspect export} file, byte for byte:
 *
 * <pre>
 * # INFLUXDB EXPORT: &lt;start RFC3339&gt; - &lt;end RFC3339&gt;
 * # DDL
 * CREATE DATABASE &lt;db&gt; WITH NAME &lt;rp&gt;        one per database and retention policy, quoted as QuoteIdent
 * # DML
 * # CONTEXT-DATABASE:&lt;db&gt;                   then, per database and retention policy,
 * # CONTEXT-RETENTION-POLICY:&lt;rp&gt;
 * # writing tsm data
 * &lt;series key&gt; &lt;field&gt;=&lt;value&gt; &lt;ns&gt;         one line per field value
 * </pre>
 *
 * Stateless.
 */
final class ExportFormat {

    static final String DDL = "# DDL\n";
    static final String DML = "# DML\n";
    static final String CONTEXT_DATABASE = "# CONTEXT-DATABASE:";
    static final String CONTEXT_RETENTION_POLICY = "# CONTEXT-RETENTION-POLICY:";
    static final String TSM_DATA = "# writing tsm data\n";

    private ExportFormat() {
    }

    static String header(long start, long end) {
        return "# INFLUXDB EXPORT: " + Rfc3339.format(start) + " - " + Rfc3339.format(end) + "\n";
    }

    static String createDatabase(String db, String rp) {
        return "CREATE DATABASE " + Idents.quoteIdent(db) + " WITH NAME " + Idents.quoteIdent(rp) + "\n";
    }

    /** A database and retention policy named by a DDL line. */
    record DbRp(String database, String retentionPolicy) {
    }

    /**
     * The database and retention policy of a line in the form {@link #createDatabase} writes
     * (identifiers bare or double-quoted with {@code \"}, {@code \\} and {@code \n} escapes).
     */
    static Optional<DbRp> parseCreateDatabase(String line) {
        String s = line.strip();
        String prefix = "CREATE DATABASE ";
        if (!s.startsWith(prefix)) {
            return Optional.empty();
        }
        int[] pos = {prefix.length()};
        String db = ident(s, pos);
        String with = " WITH NAME ";
        if (db == null || !s.startsWith(with, pos[0])) {
            return Optional.empty();
        }
        pos[0] += with.length();
        String rp = ident(s, pos);
        return rp == null || pos[0] != s.length() ? Optional.empty() : Optional.of(new DbRp(db, rp));
    }

    private static String ident(String s, int[] pos) {
        int i = pos[0];
        if (i >= s.length()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        if (s.charAt(i) != '"') {
            while (i < s.length() && s.charAt(i) != ' ') {
                b.append(s.charAt(i++));
            }
            pos[0] = i;
            return b.isEmpty() ? null : b.toString();
        }
        for (i++; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                pos[0] = i + 1;
                return b.toString();
            }
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'n' ? '\n' : n);
            } else {
                b.append(c);
            }
        }
        return null;
    }

    static String context(String db, String rp) {
        return CONTEXT_DATABASE + db + "\n" + CONTEXT_RETENTION_POLICY + rp + "\n";
    }
}
