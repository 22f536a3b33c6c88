package io.shardline.query.result;

import io.shardline.query.value.Timestamp;
import io.shardline.query.value.Utf8Order;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Helpers shared by the formatters: Go's map key order and the epoch conversion of the first column. */
final class TagOrder {

    private TagOrder() {
    }

    /** Map entries in Go's {@code encoding/json} key order (bytewise); a lone tag's entry set as it is. */
    static Collection<Map.Entry<String, String>> sorted(Map<String, String> tags) {
        if (tags.size() < 2) {
            return tags.entrySet();
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>(tags.entrySet());
        entries.sort((a, b) -> Utf8Order.compare(a.getKey(), b.getKey()));
        return entries;
    }

    /** 1.x's {@code convertToEpoch}: a time in the first column becomes an integer when an epoch is given. */
    static Object epochValue(Object v, EpochFormat epoch) {
        if (v instanceof Timestamp t && epoch.isEpoch()) {
            return epoch.convert(t.nanos());
        }
        return v;
    }
}
