package io.shardline.meta.client;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A retention policy as a statement gives it: {@code duration} (absent or 0 = INF), {@code replicaN}
 * (absent = cluster default) and {@code shardGroupDuration} (0 = derived), all durations in nanoseconds.
 */
public record RetentionPolicySettings(String name, OptionalLong duration, OptionalInt replicaN,
                                      long shardGroupDuration) {

    public RetentionPolicySettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(replicaN, "replicaN");
    }

    public static RetentionPolicySettings of(String name, long duration, int replicaN, long shardGroupDuration) {
        return new RetentionPolicySettings(name, OptionalLong.of(duration), OptionalInt.of(replicaN), shardGroupDuration);
    }
}
