package io.shardline.launcher.transfer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which lines of a batch were written and which failed, and why, so that one bad line never
 * costs the whole batch (influx counts a 400 partial write as the whole batch failed, although the
 * server stored the good lines). Parse errors are matched to their lines from the server's text;
 * other 400s ({@code partial write: <reason> dropped=<n>}, 1.8's whole-batch {@code field type
 * conflict}) and 413 are narrowed by sending each half again until single lines remain, which costs
 * about {@code bad lines x log2(batch)} extra requests and rewrites good lines with the same values.
 * Any other status fails the lines as a group. Stateless apart from the sender it calls.
 */
final class BatchResolver {

    /** Sends lines as one {@code /write} body. */
    interface Sender {
        WriteResponse send(List<ImportLine> lines);
    }

    /** A line that was not written and the server's reason. */
    record Failure(ImportLine line, String reason) {
    }

    /** Lines written, lines failed (in file order), requests sent. */
    record Outcome(long written, List<Failure> failed, int requests) {
    }

    private final Sender sender;
    private long written;
    private final List<Failure> failed = new ArrayList<>();
    private int requests;

    private BatchResolver(Sender sender) {
        this.sender = sender;
    }

    static Outcome resolve(List<ImportLine> lines, Sender sender) {
        BatchResolver r = new BatchResolver(sender);
        r.send(lines);
        r.failed.sort((a, b) -> Long.compare(a.line().number(), b.line().number()));
        return new Outcome(r.written, List.copyOf(r.failed), r.requests);
    }

    private void send(List<ImportLine> lines) {
        requests++;
        judge(lines, sender.send(lines));
    }

    private void judge(List<ImportLine> lines, WriteResponse r) {
        if (r.succeeded()) {
            written += lines.size();
            return;
        }
        if (r.status() == 400 && ParseErrors.isParseReport(r.error())) {
            List<ParseErrors.Match> matches = ParseErrors.match(lines, r.error());
            if (!matches.isEmpty()) {
                Set<Integer> bad = new HashSet<>();
                for (ParseErrors.Match m : matches) {
                    bad.add(m.index());
                    failed.add(new Failure(lines.get(m.index()), m.message()));
                }
                List<ImportLine> rest = new ArrayList<>();
                for (int i = 0; i < lines.size(); i++) {
                    if (!bad.contains(i)) {
                        rest.add(lines.get(i));
                    }
                }
                if (r.error().startsWith(ParseErrors.UNABLE)) {
                    // Nothing was stored: lines the text did not name are sent again.
                    if (!rest.isEmpty()) {
                        send(rest);
                    }
                } else {
                    written += rest.size();
                }
                return;
            }
        }
        if (lines.size() > 1 && (r.status() == 400 || r.status() == 413)) {
            int half = lines.size() / 2;
            send(lines.subList(0, half));
            send(lines.subList(half, lines.size()));
            return;
        }
        for (ImportLine l : lines) {
            failed.add(new Failure(l, r.reason()));
        }
    }
}
