package io.shardline.datanode.query;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.datanode.shard.StoreLocalShards;
import io.shardline.meta.client.ClusterView;
import io.shardline.model.SeriesKey;
import io.shardline.query.ast.Expr;
import io.shardline.query.exec.ShardResultSink;
import io.shardline.query.exec.ShardSelectExecutor;
import io.shardline.query.exec.TagPredicates;
import io.shardline.query.plan.SelectPlan;
import io.shardline.storage.ShardEngine;
import io.shardline.storage.ShardId;
import io.shardline.storage.ShardStatus;
import io.shardline.storage.ShardStore;
import io.shardline.storage.TagPredicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The owner side of queries: runs plans and answers schema questions on this node's own shards, for the local
 * coordinator and for peers (through {@code DataNodeService}). A shard this node owns but never received data for
 * reads as empty; one it does not own, or that its cluster view does not know yet, is refused so the coordinator
 * asks another replica; one that failed to open is an error for the same reason. Thread-safe.
 */
public final class LocalShardQueries implements OwnerQueries {

    private final ShardEngine engine;
    private final Supplier<ClusterView> view;
    private final LongSupplier localNodeId;

    public LocalShardQueries(ShardEngine engine, Supplier<ClusterView> view, LongSupplier localNodeId) {
        this.engine = engine;
        this.view = view;
        this.localNodeId = localNodeId;
    }

    @Override
    public void select(long shardId, SelectPlan plan, ShardResultSink sink) {
        Optional<ShardStore> store = store(shardId);
        if (store.isPresent()) {
            ShardSelectExecutor.execute(plan, new StoreShardReader(store.get()), sink);
        }
    }

    @Override
    public SchemaAnswer schema(SchemaQuestion q) {
        SchemaAnswer answer = SchemaAnswer.empty();
        for (long shardId : q.shardIds()) {
            Optional<ShardStore> store = store(shardId);
            if (store.isPresent()) {
                answer(store.get(), q, answer);
            }
        }
        return answer;
    }

    private static void answer(ShardStore store, SchemaQuestion q, SchemaAnswer out) {
        Optional<TagPredicate> indexed = TagConditions.toPredicate(q.condition());
        switch (q.kind()) {
            case MEASUREMENTS -> {
                if (indexed.isPresent()) {
                    out.names().addAll(store.measurements(indexed.get()));
                } else {
                    for (String m : store.measurements(TagPredicate.all())) {
                        if (!series(store, m, q.condition()).isEmpty()) {
                            out.names().add(m);
                        }
                    }
                }
            }
            case DESCRIBE -> {
                for (String m : q.measurements()) {
                    var fields = store.fieldTypes(m);
                    var tags = store.tagKeys(m, TagPredicate.all());
                    if (!fields.isEmpty() || !tags.isEmpty()) {
                        out.describe(m, fields, tags);
                    }
                }
            }
            case SERIES -> out.series().addAll(series(store, q.measurement(), q.condition()));
            case TAG_KEYS -> {
                if (indexed.isPresent()) {
                    out.names().addAll(store.tagKeys(q.measurement(), indexed.get()));
                } else {
                    series(store, q.measurement(), q.condition()).forEach(k -> out.names().addAll(k.tags().keySet()));
                }
            }
            case TAG_VALUES -> {
                if (indexed.isPresent()) {
                    for (String key : q.tagKeys()) {
                        List<String> values = store.tagValues(q.measurement(), key, indexed.get());
                        if (!values.isEmpty()) {
                            out.addTagValues(key, values);
                        }
                    }
                } else {
                    for (SeriesKey k : series(store, q.measurement(), q.condition())) {
                        for (String key : q.tagKeys()) {
                            String v = k.tag(key);
                            if (v != null) {
                                out.addTagValues(key, List.of(v));
                            }
                        }
                    }
                }
            }
        }
    }

    private static List<SeriesKey> series(ShardStore store, String measurement, Expr condition) {
        Optional<TagPredicate> indexed = TagConditions.toPredicate(condition);
        if (indexed.isPresent()) {
            return store.series(measurement, indexed.get());
        }
        List<SeriesKey> out = new ArrayList<>();
        for (SeriesKey k : store.series(measurement, TagPredicate.all())) {
            if (TagPredicates.matches(condition, k)) {
                out.add(k);
            }
        }
        return out;
    }

    /** The local replica of an owned shard; empty when it was never written here. */
    private Optional<ShardStore> store(long shardId) {
        ShardId id = StoreLocalShards.shardId(StoreLocalShards.locate(view.get(), localNodeId.getAsLong(), shardId));
        Optional<ShardStore> store = engine.get(id);
        if (store.isEmpty()) {
            for (ShardStatus s : engine.shards()) {
                if (s.id().equals(id) && !s.open()) {
                    throw new ShardlineException(ErrorCode.UNAVAILABLE, s.error());
                }
            }
        }
        return store;
    }
}
