package io.shardline.ctl.format;

import java.time.ZoneId;
import java.util.List;
import java.util.StringJoiner;

/**
 * The {@code Owners} cell of {@code show-shards -v}: Go's {@code %v} of the owners' detail structs,
 * {@code [{4 data1:8088 hot 2020-04-28 13:59:50.022558549 -0400 EDT 1784222 <nil>}]}: id, TCP address,
 * state, last modified in Go's {@code time.String()} form in the ctl's zone, size in bytes, and the
 * error ({@code <nil>} for none, as Go prints a nil error). No modification time prints as Go's zero
 * time, {@code 0001-01-01 00:00:00 +0000 UTC}; a missing replica reads
 * {@code {5 data2:8088 missing 0001-01-01 00:00:00 +0000 UTC 0 shard 12 not found on data node data2:8088}}.
 * Stateless.
 */
public final class VerboseOwnerList {

    /** Go's {@code time.Time{}.String()}. */
    public static final String GO_ZERO_TIME = "0001-01-01 00:00:00 +0000 UTC";
    /** Go's {@code %v} of a nil error. */
    public static final String NIL = "<nil>";

    private VerboseOwnerList() {
    }

    public static String format(List<OwnerDetail> owners, ZoneId zone) {
        StringJoiner out = new StringJoiner(" ", "[", "]");
        for (OwnerDetail o : owners) {
            String modified = o.lastModifiedNanos() == 0 ? GO_ZERO_TIME : GoTimes.goString(o.lastModifiedNanos(), zone);
            out.add("{" + o.id() + " " + o.tcpAddress() + " " + o.state() + " " + modified + " " + o.sizeBytes() + " "
                    + (o.error().isEmpty() ? NIL : o.error()) + "}");
        }
        return out.toString();
    }
}
