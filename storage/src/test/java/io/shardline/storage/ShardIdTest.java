package io.shardline.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ShardIdTest {

    /** The written-out hashCode gives what a record's generated one gives, so hash-ordered listings stay as they were. */
    @Test
    void hashCodeAndEqualsAreARecordsOwn() {
        record Generated(String database, String retentionPolicy, long id) {
        }
        long seed = System.nanoTime();
        System.out.println("ShardIdTest seed=" + seed);
        Random random = new Random(seed);
        for (int i = 0; i < 10_000; i++) {
            String db = "db" + Long.toString(random.nextLong(), 36);
            String rp = "rp" + Long.toString(random.nextLong(), 36);
            long id = random.nextLong() & Long.MAX_VALUE;
            ShardId a = new ShardId(db, rp, id);
            assertThat(a.hashCode()).as("seed %d", seed).isEqualTo(new Generated(db, rp, id).hashCode());
            ShardId same = new ShardId(new String(db), new String(rp), id);
            assertThat(a).isEqualTo(same).hasSameHashCodeAs(same);
            assertThat(a).isNotEqualTo(new ShardId(db + "x", rp, id)).isNotEqualTo(new ShardId(db, rp + "x", id))
                    .isNotEqualTo(new ShardId(db, rp, id ^ 1)).isNotEqualTo(null).isNotEqualTo(db);
        }
    }
}
