package io.shardline.storage;

import io.shardline.model.SeriesKey;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A condition on a series' tags, as in an InfluxQL {@code WHERE} clause: {@code =}, {@code !=},
 * {@code =~}, {@code !~}, combined with AND and OR. A missing tag counts as the empty string, as in
 * 1.x ({@code host != 'a'} matches series without a host tag). Regular expressions are
 * {@link java.util.regex} patterns that match anywhere in the value (Go's {@code MatchString}).
 * Immutable and thread-safe.
 */
public sealed interface TagPredicate {

    /** Whether {@code series} satisfies the condition. */
    boolean matches(SeriesKey series);

    /** Matches every series. */
    static TagPredicate all() {
        return All.INSTANCE;
    }

    /** {@code key = 'value'}. */
    static TagPredicate eq(String key, String value) {
        return new Compare(key, value, false);
    }

    /** {@code key != 'value'}. */
    static TagPredicate neq(String key, String value) {
        return new Compare(key, value, true);
    }

    /** {@code key =~ /regex/}. */
    static TagPredicate regex(String key, String regex) {
        return new Regex(key, Pattern.compile(regex), false);
    }

    /** {@code key !~ /regex/}. */
    static TagPredicate notRegex(String key, String regex) {
        return new Regex(key, Pattern.compile(regex), true);
    }

    /** All of {@code terms}. */
    static TagPredicate and(TagPredicate... terms) {
        return new And(List.of(terms));
    }

    /** Any of {@code terms}. */
    static TagPredicate or(TagPredicate... terms) {
        return new Or(List.of(terms));
    }

    /** The value of tag {@code key} in {@code series}, the empty string when absent. */
    static String tagOrEmpty(SeriesKey series, String key) {
        String v = series.tag(key);
        return v == null ? "" : v;
    }

    /** Every series. */
    enum All implements TagPredicate {
        INSTANCE;

        @Override
        public boolean matches(SeriesKey series) {
            return true;
        }
    }

    /** {@code key = value} or, when {@code negated}, {@code key != value}. */
    record Compare(String key, String value, boolean negated) implements TagPredicate {
        public Compare {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean matches(SeriesKey series) {
            return tagOrEmpty(series, key).equals(value) != negated;
        }
    }

    /** {@code key =~ pattern} or, when {@code negated}, {@code key !~ pattern}; equal by pattern text. */
    record Regex(String key, Pattern pattern, boolean negated) implements TagPredicate {
        public Regex {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(pattern, "pattern");
        }

        @Override
        public boolean matches(SeriesKey series) {
            return matchesValue(tagOrEmpty(series, key)) != negated;
        }

        /** Whether the pattern (ignoring {@code negated}) is found in {@code value}. */
        public boolean matchesValue(String value) {
            return pattern.matcher(value).find();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Regex r && key.equals(r.key) && negated == r.negated
                    && pattern.pattern().equals(r.pattern.pattern()) && pattern.flags() == r.pattern.flags();
        }

        @Override
        public int hashCode() {
            return Objects.hash(key, pattern.pattern(), negated);
        }
    }

    /** Every term holds. */
    record And(List<TagPredicate> terms) implements TagPredicate {
        public And {
            terms = List.copyOf(terms);
        }

        @Override
        public boolean matches(SeriesKey series) {
            for (TagPredicate t : terms) {
                if (!t.matches(series)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** At least one term holds. */
    record Or(List<TagPredicate> terms) implements TagPredicate {
        public Or {
            terms = List.copyOf(terms);
        }

        @Override
        public boolean matches(SeriesKey series) {
            for (TagPredicate t : terms) {
                if (t.matches(series)) {
                    return true;
                }
            }
            return false;
        }
    }
}
