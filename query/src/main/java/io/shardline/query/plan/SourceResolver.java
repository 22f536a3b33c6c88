package io.shardline.query.plan;

import io.shardline.query.ast.Measurement;
import io.shardline.query.value.Utf8Order;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Resolves FROM sources (names and regexes) against the measurements that exist. Stateless. */
public final class SourceResolver {

    private SourceResolver() {
    }

    /**
     * The existing measurement names the sources denote, sorted and without duplicates; named measurements
     * that do not exist are dropped (they simply have no data).
     */
    public static List<String> resolve(List<Measurement> sources, Collection<String> existing) {
        Set<String> out = new TreeSet<>(Utf8Order.COMPARATOR);
        for (Measurement m : sources) {
            if (m.isRegex()) {
                for (String name : existing) {
                    if (m.regex().matches(name)) {
                        out.add(name);
                    }
                }
            } else if (existing.contains(m.name())) {
                out.add(m.name());
            }
        }
        return new ArrayList<>(out);
    }
}
