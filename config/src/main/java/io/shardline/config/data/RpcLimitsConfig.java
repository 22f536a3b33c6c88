package io.shardline.config.data;

import static io.shardline.config.ConfigTypes.DURATION;
import static io.shardline.config.ConfigTypes.INTEGER;
import static io.shardline.config.ConfigTypes.SIZE;

import io.shardline.common.unit.ByteSize;
import io.shardline.config.Config;
import io.shardline.config.ConfigDef;
import io.shardline.config.ConfigKey;
import io.shardline.config.Validators;
import java.time.Duration;

/**
 * The limits of the data node's gRPC service (traffic between data nodes, in {@code [cluster]}):
 * Enterprise's {@code rpc-resettable-read-timeout}, and Shardline's message size and concurrent
 * calls per connection.
 */
public record RpcLimitsConfig(Duration resettableReadTimeout, long maxMessageSize, int maxConcurrentStreams) {

    private static final String SECTION = ClusterConfig.SECTION;

    public static final ConfigKey<Duration> RPC_RESETTABLE_READ_TIMEOUT = ConfigKey.of(SECTION,
            "rpc-resettable-read-timeout", DURATION, Duration.ofMinutes(15))
            .doc("An incoming connection from another node with no call in progress for this long is closed"
                    + " (the peer reconnects on its next call). 0 keeps such connections open.")
            .validator(Validators.notNegative()).build();
    public static final ConfigKey<ByteSize> RPC_MAX_MESSAGE_SIZE = ConfigKey.of(SECTION, "rpc-max-message-size", SIZE,
            ByteSize.ofBytes(64L << 20)).doc("Shardline: largest message another node may send (a shard batch, a"
                    + " query result part, a patch); a larger one fails that call with RESOURCE_EXHAUSTED.")
            .validator(Validators.sizeAtLeast(1 << 20)).build();
    public static final ConfigKey<Long> RPC_MAX_CONCURRENT_STREAMS = ConfigKey.of(SECTION, "rpc-max-concurrent-streams",
            INTEGER, 1000L).doc("Shardline: calls one connection from another node may have in progress (HTTP/2"
                    + " MAX_CONCURRENT_STREAMS); more wait in the caller.").validator(Validators.between(1, 1_000_000))
            .build();

    static void declare(ConfigDef.Builder b) {
        b.keys(RPC_RESETTABLE_READ_TIMEOUT, RPC_MAX_MESSAGE_SIZE, RPC_MAX_CONCURRENT_STREAMS);
    }

    static RpcLimitsConfig from(Config c) {
        return new RpcLimitsConfig(c.get(RPC_RESETTABLE_READ_TIMEOUT), c.get(RPC_MAX_MESSAGE_SIZE).bytes(),
                c.get(RPC_MAX_CONCURRENT_STREAMS).intValue());
    }
}
