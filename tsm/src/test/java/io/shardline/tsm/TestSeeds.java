package io.shardline.tsm;

import java.util.Random;

/**
 * Seeds and sizes of the randomized tests: {@code -Dtsm.seed=N} replays a run, {@code
 * -Dtsm.iterations=N} makes it longer (the default keeps the suite fast). Every test prints its seed.
 */
public final class TestSeeds {

    private TestSeeds() {
    }

    /** A seeded random for {@code test}, printing the seed. */
    public static Random random(String test) {
        long seed = Long.getLong("tsm.seed", System.nanoTime());
        System.out.println(test + " seed=" + seed + " (replay with -Dtsm.seed=" + seed + ")");
        return new Random(seed);
    }

    /** Iterations of a property test: {@code -Dtsm.iterations}, else {@code dflt}. */
    public static int iterations(int dflt) {
        return Integer.getInteger("tsm.iterations", dflt);
    }
}
