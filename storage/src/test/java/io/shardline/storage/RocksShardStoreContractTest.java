package io.shardline.storage;

import io.shardline.storage.rocks.RocksShardEngine;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/** The contract against {@link io.shardline.storage.rocks.RocksShardStore}. */
class RocksShardStoreContractTest extends ShardStoreContractTest {

    @TempDir
    Path tmp;
    private final AtomicInteger engines = new AtomicInteger();

    @Override
    protected ShardEngine newEngine(Map<String, Object> overrides) {
        Path root = tmp.resolve("node" + engines.incrementAndGet());
        Map<String, Object> o = new HashMap<>(Map.of("wal-fsync-delay", java.time.Duration.ofMillis(50)));
        o.putAll(overrides);
        ShardEngine e = new RocksShardEngine(TestConfigs.storage(root.resolve("data").toString(),
                root.resolve("wal").toString(), o), clock);
        e.start();
        return e;
    }
}
