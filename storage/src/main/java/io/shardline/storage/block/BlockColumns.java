package io.shardline.storage.block;

import io.shardline.storage.internal.Column;
import java.util.ArrayList;
import java.util.List;

/**
 * The merged columns of one block, by field id, reusing {@link Column} objects from block to block.
 * Not thread-safe: one per reader.
 */
public final class BlockColumns {

    private final List<Column> active = new ArrayList<>();
    private final List<Column> free = new ArrayList<>();

    /** Number of columns. */
    public int count() {
        return active.size();
    }

    /** The {@code i}-th column, in first-seen order. */
    public Column at(int i) {
        return active.get(i);
    }

    /** The column of {@code fieldId}, or null. */
    public Column get(int fieldId) {
        for (int i = 0; i < active.size(); i++) {
            if (active.get(i).fieldId == fieldId) {
                return active.get(i);
            }
        }
        return null;
    }

    /** Puts {@code now} in the place of {@code old}, which returns to the pool. */
    void replace(Column old, Column now) {
        int i = active.indexOf(old);
        active.set(i, now);
        release(old);
    }

    void add(Column c) {
        active.add(c);
    }

    /** A free column. */
    Column borrow() {
        return free.isEmpty() ? new Column(64) : free.remove(free.size() - 1);
    }

    void release(Column c) {
        c.size = 0;
        free.add(c);
    }

    /** Returns every column to the pool. */
    public void clear() {
        for (Column c : active) {
            release(c);
        }
        active.clear();
    }

    /** Drops columns left empty (after filtering). */
    public void removeEmpty() {
        for (int i = active.size() - 1; i >= 0; i--) {
            if (active.get(i).size == 0) {
                release(active.remove(i));
            }
        }
    }
}
