package io.shardline.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link SeriesKey#ofOwned} keeps ordered arrays and otherwise answers as {@link SeriesKey#of} does. */
class SeriesKeyOwnedTest {

    @Test
    void orderedArraysAreKeptOthersSortedOrRejectedLikeOf() {
        SeriesKey ordered = SeriesKey.ofOwned("cpu", new String[] {"dc", "host"}, new String[] {"dc-0", "a"});
        assertThat(ordered).isEqualTo(SeriesKey.of("cpu", new String[] {"host", "dc"}, new String[] {"a", "dc-0"}));
        assertThat(ordered.toString()).isEqualTo("cpu,dc=dc-0,host=a");
        // out of order, an empty value (dropped) and no tags: as of()
        assertThat(SeriesKey.ofOwned("cpu", new String[] {"host", "dc"}, new String[] {"a", "dc-0"}))
                .isEqualTo(ordered);
        assertThat(SeriesKey.ofOwned("cpu", new String[] {"dc", "host"}, new String[] {"", "a"}).toString())
                .isEqualTo("cpu,host=a");
        assertThat(SeriesKey.ofOwned("cpu", new String[0], new String[0])).isEqualTo(SeriesKey.of("cpu"));
        // byte order, not UTF-16 order: U+FF21 sorts before an astral character
        SeriesKey astral = SeriesKey.ofOwned("cpu", new String[] {"\uFF21", "\uD83D\uDE00"}, new String[] {"x", "y"});
        assertThat(astral).isEqualTo(SeriesKey.of("cpu", new String[] {"\uD83D\uDE00", "\uFF21"},
                new String[] {"y", "x"}));
        assertThatThrownBy(() -> SeriesKey.ofOwned("cpu", new String[] {"a", "a"}, new String[] {"1", "2"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeriesKey.ofOwned("", new String[0], new String[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
