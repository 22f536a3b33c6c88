package io.shardline.tsm;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;

/**
 * The generation and sequence in a TSM file name, {@code %09d-%09d.tsm}: a cache snapshot or
 * compaction writes a new generation, a compaction that outgrows one file continues with the next
 * sequence. Newer data lives in higher generations, which is how overlapping values are resolved.
 * Immutable.
 */
public record TsmFileName(long generation, long sequence) implements Comparable<TsmFileName> {

    /** Files in InfluxDB's order: by name's generation and sequence, unparsable names last by name. */
    public static final Comparator<Path> FILE_ORDER = (a, b) -> {
        Optional<TsmFileName> x = parse(a);
        Optional<TsmFileName> y = parse(b);
        if (x.isPresent() && y.isPresent()) {
            int c = x.get().compareTo(y.get());
            return c != 0 ? c : a.getFileName().toString().compareTo(b.getFileName().toString());
        }
        if (x.isPresent() != y.isPresent()) {
            return x.isPresent() ? -1 : 1;
        }
        return a.getFileName().toString().compareTo(b.getFileName().toString());
    };

    /** The generation and sequence of {@code file}'s name, if it has the InfluxDB form. */
    public static Optional<TsmFileName> parse(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        int dash = name.indexOf('-');
        if (dot < 0 || dash < 0 || dash > dot) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TsmFileName(Long.parseLong(name.substring(0, dash)),
                    Long.parseLong(name.substring(dash + 1, dot))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The file name, e.g. {@code 000000001-000000002.tsm}. */
    public String fileName() {
        return String.format("%09d-%09d%s", generation, sequence, TsmFormat.EXTENSION);
    }

    @Override
    public int compareTo(TsmFileName o) {
        int c = Long.compare(generation, o.generation);
        return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
}
