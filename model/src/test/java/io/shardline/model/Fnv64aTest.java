package io.shardline.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** FNV-1a 64 check values and shard indexes from the 1.x reference (§4.1). */
class Fnv64aTest {

    private static long hash(String key) {
        return Fnv64a.hash(key.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void checkValues() {
        assertThat(Long.toUnsignedString(hash("cpu"))).isEqualTo("17701673320873923785");
        assertThat(Long.toUnsignedString(hash("cpu,host=serverA,region=us-west"))).isEqualTo("1259636973322599647");
        assertThat(Long.toUnsignedString(hash("cpu,host=serverB,region=us-west"))).isEqualTo("13975058814246155160");
        assertThat(Long.toUnsignedString(hash("mem,host=a"))).isEqualTo("16282735905954454002");
        assertThat(Long.toUnsignedString(Fnv64a.hash(new byte[0]))).isEqualTo("14695981039346656037");
    }

    @Test
    void shardIndexesAreUnsignedModulo() {
        long a = hash("cpu,host=serverA,region=us-west");
        assertThat(Fnv64a.shardIndex(a, 2)).isEqualTo(1);
        assertThat(Fnv64a.shardIndex(a, 3)).isEqualTo(2);
        assertThat(Fnv64a.shardIndex(a, 4)).isEqualTo(3);
        long b = hash("cpu,host=serverB,region=us-west");
        assertThat(b).isNegative();
        assertThat(new int[] {Fnv64a.shardIndex(b, 2), Fnv64a.shardIndex(b, 3), Fnv64a.shardIndex(b, 4)})
                .containsExactly(0, 0, 0);
        assertThat(Fnv64a.shardIndex(hash("mem,host=a"), 4)).isEqualTo(2);
        assertThatThrownBy(() -> Fnv64a.shardIndex(a, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void seriesKeyHashesItsKeyBytes() {
        SeriesKey k = SeriesKey.of("cpu", java.util.Map.of("region", "us-west", "host", "serverA"));
        assertThat(k.toString()).isEqualTo("cpu,host=serverA,region=us-west");
        assertThat(k.fnv64a()).isEqualTo(hash("cpu,host=serverA,region=us-west"));
        assertThat(k.shardIndex(3)).isEqualTo(2);
        byte[] partial = "cpu,host=".getBytes(StandardCharsets.UTF_8);
        byte[] rest = "serverA,region=us-west".getBytes(StandardCharsets.UTF_8);
        assertThat(Fnv64a.update(Fnv64a.hash(partial), rest, 0, rest.length)).isEqualTo(k.fnv64a());
    }
}
