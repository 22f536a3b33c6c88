package io.shardline.storage.rocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Entries leave stream by stream, each stream in unsigned key order, a key put twice in put order. */
class IndexPutsTest {

    private record Entry(byte[] key, byte[] value) {
    }

    @Test
    void drainsStreamByStreamInKeyOrder() throws Exception {
        long seed = System.nanoTime();
        System.out.println("IndexPutsTest seed " + seed);
        Random random = new Random(seed);
        IndexPuts puts = new IndexPuts();
        int streams = 6;
        List<List<Entry>> added = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            added.add(new ArrayList<>());
        }
        for (int round = 0; round < 3; round++) {
            int n = 1 + random.nextInt(2_000);
            for (int i = 0; i < n; i++) {
                int s = random.nextInt(streams);
                // stream 1 receives ascending keys (as the 's' and 'm' entries do), the others any bytes,
                // including 0x80 and above (unsigned order) and keys that are prefixes of others
                byte[] key = s == 1 ? Keys.seriesById(added.get(1).size()) : randomKey(random);
                byte[] value = new byte[] {(byte) round, (byte) i, (byte) (i >>> 8)};
                puts.put(s, key, value);
                added.get(s).add(new Entry(key, value));
            }
            assertThat(puts.size()).isEqualTo(n);
            List<Entry> drained = new ArrayList<>();
            puts.drainTo((k, v) -> drained.add(new Entry(k, v)));
            assertThat(puts.size()).isZero();

            List<Entry> expected = new ArrayList<>();
            for (List<Entry> stream : added) {
                List<Entry> sorted = new ArrayList<>(stream);
                sorted.sort(Comparator.comparing(Entry::key, Arrays::compareUnsigned)); // stable
                expected.addAll(sorted);
                stream.clear();
            }
            assertThat(drained).as("seed %d", seed).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(drained.get(i).key()).as("seed %d entry %d", seed, i).isEqualTo(expected.get(i).key());
                assertThat(drained.get(i).value()).as("seed %d entry %d", seed, i).isEqualTo(expected.get(i).value());
            }
        }
        List<Entry> none = new ArrayList<>();
        puts.drainTo((k, v) -> none.add(new Entry(k, v)));
        assertThat(none).isEmpty();
    }

    @Test
    void aKeyPutTwiceLeavesInPutOrder() throws Exception {
        IndexPuts puts = new IndexPuts();
        puts.put(IndexPuts.tag(0), new byte[] {5}, new byte[] {1});
        puts.put(IndexPuts.tag(0), new byte[] {(byte) 0x90}, new byte[] {2});
        puts.put(IndexPuts.tag(0), new byte[] {5}, new byte[] {3});
        puts.put(IndexPuts.tag(0), new byte[] {1}, new byte[] {4});
        List<String> out = new ArrayList<>();
        puts.drainTo((k, v) -> out.add((k[0] & 0xFF) + "=" + v[0]));
        assertThat(out).containsExactly("1=4", "5=1", "5=3", "144=2");
    }

    private static byte[] randomKey(Random random) {
        byte[] k = new byte[1 + random.nextInt(4)];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) (random.nextBoolean() ? random.nextInt(4) : 0x7E + random.nextInt(4));
        }
        return k;
    }
}
