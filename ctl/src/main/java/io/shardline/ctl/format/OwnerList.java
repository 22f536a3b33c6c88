package io.shardline.ctl.format;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The {@code Owners} cell of {@code show-shards}: Go's {@code %v} of a slice of
 * {@code struct{ID uint64; TCPAddr string}}, i.e. {@code [{4 data1:8088} {5 data2:8088}]}, the form the
 * reference documentation shows (not the labelled {@code [{ID:4 TCPAddr:data1:8088}]} of later
 * releases). An owner whose node is no longer registered prints with an empty address, {@code {7 }},
 * as Go prints a zero string field; no owners print as {@code []}. Stateless.
 */
public final class OwnerList {

    private OwnerList() {
    }

    /** Formats {@code owners} in order, looking up each TCP address in {@code tcpAddressById}. */
    public static String format(List<Long> owners, Map<Long, String> tcpAddressById) {
        StringJoiner out = new StringJoiner(" ", "[", "]");
        for (long id : owners) {
            out.add("{" + id + " " + tcpAddressById.getOrDefault(id, "") + "}");
        }
        return out.toString();
    }
}
