package io.shardline.meta.state;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A retention policy as a statement gives it, before defaults are applied: {@code name} ({@code ""}
 * means {@code autogen} in CREATE DATABASE), {@code duration} (0 = INF; absent = INF),
 * {@code replicaN} (absent = the cluster default, see {@link MetaCommand.CreateDatabase}) and
 * {@code shardGroupDuration} (0 = derive from the duration; the statement layer rejects
 * {@code SHARD DURATION INF} because 0 cannot carry it).
 */
public record RetentionPolicySpec(String name, OptionalLong duration, OptionalInt replicaN,
                                  long shardGroupDuration) {

    public RetentionPolicySpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(replicaN, "replicaN");
    }

    /** A fully specified policy. */
    public static RetentionPolicySpec of(String name, long duration, int replicaN, long shardGroupDuration) {
        return new RetentionPolicySpec(name, OptionalLong.of(duration), OptionalInt.of(replicaN),
                shardGroupDuration);
    }

    /** A policy with only a name; everything else defaults. */
    public static RetentionPolicySpec named(String name) {
        return new RetentionPolicySpec(name, OptionalLong.empty(), OptionalInt.empty(), 0);
    }
}
