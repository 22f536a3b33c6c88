package io.shardline.storage.rocks;

import io.shardline.storage.TagPredicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;

/**
 * Reads of the series index: distinct names by seeking past each one, posting lists, and tag
 * predicates resolved to sorted series-id sets without touching data. Thread-safe (each call uses
 * its own iterator over the latest state).
 */
final class IndexQueries {

    private final ShardDb db;

    IndexQueries(ShardDb db) {
        this.db = db;
    }

    /** Measurements with a live series. */
    List<String> liveMeasurements() {
        return distinctNames(new byte[] {Keys.LIVE_SERIES});
    }

    /** Measurements that ever had a series: those with a live one and those with a dead one. */
    List<String> allMeasurements() {
        Set<String> all = new TreeSet<>(distinctNames(new byte[] {Keys.ALL_SERIES}));
        all.addAll(liveMeasurements());
        return new ArrayList<>(all);
    }

    List<String> tagKeys(String measurement) {
        return distinctNames(new Keys.Builder(32).put(Keys.TAG).putName(measurement).build());
    }

    List<String> tagValues(String measurement, String key) {
        return distinctNames(Keys.tagPrefix(measurement, key));
    }

    long countTagValues(String measurement, String key) {
        return tagValues(measurement, key).size();
    }

    boolean exists(byte[] prefix) {
        try (ReadOptions ro = new ReadOptions(); RocksIterator it = db.db.newIterator(db.index, ro)) {
            it.seek(prefix);
            return it.isValid() && Keys.startsWith(it.key(), prefix);
        }
    }

    /** Live series of {@code measurement}. */
    int[] liveIds(String measurement) {
        return ids(Keys.measurementPrefix(Keys.LIVE_SERIES, measurement));
    }

    /**
     * Every series ever created in {@code measurement}: the live ones ('m') and the dead ones ('a'; a
     * shard written before format 2 has an 'a' entry for every series, which the union also covers).
     */
    int[] allIds(String measurement) {
        return IdSets.union(ids(Keys.measurementPrefix(Keys.ALL_SERIES, measurement)), liveIds(measurement));
    }

    /** Live series of {@code measurement} matching {@code p}. */
    int[] resolve(String measurement, TagPredicate p) {
        if (p instanceof TagPredicate.All) {
            return liveIds(measurement);
        }
        if (p instanceof TagPredicate.Compare c) {
            int[] match = c.value().isEmpty()
                    ? IdSets.minus(liveIds(measurement), ids(Keys.tagPrefix(measurement, c.key())))
                    : ids(Keys.tagValuePrefix(measurement, c.key(), c.value()));
            return c.negated() ? IdSets.minus(liveIds(measurement), match) : match;
        }
        if (p instanceof TagPredicate.Regex r) {
            int[] match = regex(measurement, r);
            if (r.matchesValue("")) {
                match = IdSets.union(match, IdSets.minus(liveIds(measurement),
                        ids(Keys.tagPrefix(measurement, r.key()))));
            }
            return r.negated() ? IdSets.minus(liveIds(measurement), match) : match;
        }
        if (p instanceof TagPredicate.And a) {
            int[] acc = null;
            for (TagPredicate t : a.terms()) {
                acc = acc == null ? resolve(measurement, t) : IdSets.intersect(acc, resolve(measurement, t));
            }
            return acc == null ? liveIds(measurement) : acc;
        }
        if (p instanceof TagPredicate.Or o) {
            int[] acc = IdSets.EMPTY;
            for (TagPredicate t : o.terms()) {
                acc = IdSets.union(acc, resolve(measurement, t));
            }
            return acc;
        }
        throw new IllegalArgumentException("unknown predicate " + p);
    }

    private int[] regex(String measurement, TagPredicate.Regex r) {
        byte[] prefix = Keys.tagPrefix(measurement, r.key());
        int[] out = new int[16];
        int n = 0;
        int[] end = new int[1];
        String current = null;
        boolean matches = false;
        try (ReadOptions ro = new ReadOptions(); RocksIterator it = db.db.newIterator(db.index, ro)) {
            for (it.seek(prefix); it.isValid() && Keys.startsWith(it.key(), prefix); it.next()) {
                byte[] k = it.key();
                String value = Keys.readName(k, prefix.length, end);
                if (!value.equals(current)) {
                    current = value;
                    matches = r.matchesValue(value);
                }
                if (matches) {
                    if (n == out.length) {
                        out = java.util.Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = Keys.readInt(k, k.length - 4);
                }
            }
        }
        return IdSets.normalize(out, n);
    }

    /** The ids in the last four bytes of every key under {@code prefix}, sorted. */
    int[] ids(byte[] prefix) {
        int[] out = new int[16];
        int n = 0;
        try (ReadOptions ro = new ReadOptions(); RocksIterator it = db.db.newIterator(db.index, ro)) {
            for (it.seek(prefix); it.isValid() && Keys.startsWith(it.key(), prefix); it.next()) {
                if (n == out.length) {
                    out = java.util.Arrays.copyOf(out, n * 2);
                }
                byte[] k = it.key();
                out[n++] = Keys.readInt(k, k.length - 4);
            }
        }
        return IdSets.normalize(out, n);
    }

    /** Distinct names that follow {@code prefix} in index keys, seeking past each. */
    List<String> distinctNames(byte[] prefix) {
        List<String> out = new ArrayList<>();
        forEachName(prefix, out::add, s -> true);
        return out;
    }

    private void forEachName(byte[] prefix, Consumer<String> sink, Predicate<String> keepGoing) {
        int[] end = new int[1];
        try (ReadOptions ro = new ReadOptions(); RocksIterator it = db.db.newIterator(db.index, ro)) {
            it.seek(prefix);
            while (it.isValid() && Keys.startsWith(it.key(), prefix)) {
                byte[] k = it.key();
                String name = Keys.readName(k, prefix.length, end);
                sink.accept(name);
                if (!keepGoing.test(name)) {
                    return;
                }
                byte[] next = Keys.successor(java.util.Arrays.copyOf(k, end[0]));
                if (next == null) {
                    return;
                }
                it.seek(next);
            }
        }
    }
}
