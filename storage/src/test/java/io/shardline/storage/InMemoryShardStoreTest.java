package io.shardline.storage;

import io.shardline.storage.memory.InMemoryShardEngine;
import java.util.Map;

/** The contract against {@link io.shardline.storage.memory.InMemoryShardStore}. */
class InMemoryShardStoreTest extends ShardStoreContractTest {

    @Override
    protected ShardEngine newEngine(Map<String, Object> overrides) {
        ShardEngine e = new InMemoryShardEngine(TestConfigs.storage("/unused", "/unused", overrides), clock);
        e.start();
        return e;
    }
}
