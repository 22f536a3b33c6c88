package io.shardline.storage.internal;

import io.shardline.model.Hlc;
import io.shardline.model.SeriesKey;
import io.shardline.storage.Tombstone;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tombstones of a shard and the visibility rule they impose. Immutable: adding or purging gives
 * a new set, so readers hold a consistent one without locks.
 */
public final class TombstoneSet {

    /** No tombstones. */
    public static final TombstoneSet EMPTY = new TombstoneSet(List.of());

    private final List<Tombstone> tombstones;

    private TombstoneSet(List<Tombstone> tombstones) {
        this.tombstones = tombstones;
    }

    public static TombstoneSet of(Collection<Tombstone> tombstones) {
        return tombstones.isEmpty() ? EMPTY : new TombstoneSet(List.copyOf(new LinkedHashSet<>(tombstones)));
    }

    public boolean isEmpty() {
        return tombstones.isEmpty();
    }

    public List<Tombstone> all() {
        return tombstones;
    }

    public boolean contains(Tombstone t) {
        return tombstones.contains(t);
    }

    /** This set plus {@code t}. */
    public TombstoneSet with(Tombstone t) {
        if (contains(t)) {
            return this;
        }
        List<Tombstone> l = new ArrayList<>(tombstones);
        l.add(t);
        return new TombstoneSet(List.copyOf(l));
    }

    /** This set without {@code removed}. */
    public TombstoneSet without(Set<Tombstone> removed) {
        List<Tombstone> l = new ArrayList<>(tombstones);
        l.removeAll(removed);
        return l.isEmpty() ? EMPTY : new TombstoneSet(List.copyOf(l));
    }

    /** The tombstones that apply to {@code series}, ready for per-value checks. */
    public SeriesTombstones forSeries(SeriesKey series) {
        if (tombstones.isEmpty()) {
            return SeriesTombstones.NONE;
        }
        List<Tombstone> applicable = null;
        for (Tombstone t : tombstones) {
            if (t.appliesTo(series)) {
                if (applicable == null) {
                    applicable = new ArrayList<>(2);
                }
                applicable.add(t);
            }
        }
        return applicable == null ? SeriesTombstones.NONE : new SeriesTombstones(applicable);
    }

    /** Whether a value of {@code series} at {@code timestamp} with {@code version} is hidden. */
    public boolean hides(SeriesKey series, long timestamp, long version) {
        for (Tombstone t : tombstones) {
            if (t.hides(timestamp, version) && t.appliesTo(series)) {
                return true;
            }
        }
        return false;
    }

    /** Tombstones whose version's physical time is before {@code cutoffMillis}. */
    public Set<Tombstone> olderThan(long cutoffMillis) {
        Set<Tombstone> old = new LinkedHashSet<>();
        for (Tombstone t : tombstones) {
            if (Hlc.physicalMillis(t.version()) < cutoffMillis) {
                old.add(t);
            }
        }
        return old;
    }
}
