package io.shardline.query.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link GroupKey#compareTo} compares precomputed UTF-8 sort keys; it must order exactly as the field-by-field
 * comparison (name, then tag keys and values in key order, code point order, fewer tags first), also for strings
 * where UTF-16 order differs from code point order, empty values, prefixes and U+0000.
 */
class GroupKeyOrderTest {

    private static final String[] PIECES = {"", "a", "b", "ab", "a\u0000", "\u0000", "\u00e9", "\uFF21",
        "\uD83D\uDE00", "\uD83D", "z", "server-00042", "server-0004", "a b", "a,b"};

    @Test
    void sortKeyOrderEqualsFieldOrder() {
        long seed = System.nanoTime();
        System.out.println("GroupKeyOrderTest seed " + seed);
        Random random = new Random(seed);
        List<GroupKey> keys = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Map<String, String> tags = new TreeMap<>();
            int n = random.nextInt(3);
            for (int t = 0; t < n; t++) {
                tags.put(piece(random), piece(random));
            }
            keys.add(new GroupKey(random.nextBoolean() ? "cpu" : piece(random), tags));
        }
        for (GroupKey a : keys) {
            for (GroupKey b : keys) {
                assertThat(Integer.signum(a.compareTo(b))).as("seed %d: %s vs %s", seed, a, b)
                        .isEqualTo(Integer.signum(a.compareFields(b)));
            }
        }
    }

    @Test
    void ordersByNameThenTagValuesFewerTagsFirst() {
        GroupKey a = new GroupKey("cpu", Map.of("host", "a"));
        GroupKey ab = new GroupKey("cpu", Map.of("host", "ab"));
        GroupKey astral = new GroupKey("cpu", Map.of("host", "\uD83D\uDE00"));
        GroupKey fullWidth = new GroupKey("cpu", Map.of("host", "\uFF21"));
        GroupKey twoTags = new GroupKey("cpu", Map.of("host", "a", "region", ""));
        GroupKey none = new GroupKey("cpu", Map.of());
        GroupKey mem = new GroupKey("mem", Map.of());
        List<GroupKey> sorted = new ArrayList<>(List.of(mem, astral, twoTags, ab, fullWidth, none, a));
        sorted.sort(null);
        assertThat(sorted).containsExactly(none, a, twoTags, ab, fullWidth, astral, mem);
    }

    private static String piece(Random random) {
        return PIECES[random.nextInt(PIECES.length)] + (random.nextInt(4) == 0 ? PIECES[random.nextInt(PIECES.length)]
                : "");
    }
}
