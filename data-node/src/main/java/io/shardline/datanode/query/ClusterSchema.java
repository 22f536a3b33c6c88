package io.shardline.datanode.query;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.meta.model.ShardLocation;
import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import io.shardline.query.ast.Expr;
import io.shardline.query.spi.SchemaReader;
import io.shardline.query.value.Utf8Order;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema of a database as seen through a set of its shards: each question goes to one owner per shard (the
 * shards of one node in one call, the nodes in parallel), answers are merged. A node that does not answer is
 * replaced by another owner of its shards; shards left without an answering owner are skipped, so SHOW
 * statements return partial results while a node is unreachable, as InfluxDB Enterprise does. With a chosen node
 * ({@code node=}) its failure is an error instead. Used by one query thread at a time.
 */
final class ClusterSchema implements SchemaReader {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSchema.class);

    private final List<ShardLocation> shards;
    private final long onlyNode;
    private final Replicas replicas;
    private final Executor executor;

    ClusterSchema(List<ShardLocation> shards, long onlyNode, Replicas replicas, Executor executor) {
        this.shards = List.copyOf(shards);
        this.onlyNode = onlyNode;
        this.replicas = replicas;
        this.executor = executor;
    }

    /** Asks the owners {@code question} about every shard and merges their answers. */
    SchemaAnswer ask(SchemaQuestion question) {
        List<SchemaAnswer> answers = new ArrayList<>();
        Set<Long> failed = new HashSet<>();
        List<ShardLocation> remaining = shards;
        while (!remaining.isEmpty()) {
            Map<Long, List<ShardLocation>> byNode = assign(remaining, failed);
            long assigned = 0;
            for (List<ShardLocation> owned : byNode.values()) {
                assigned += owned.size();
            }
            if (assigned < remaining.size()) {
                LOG.warn("Schema answer is partial: no owner of {} shards answered", remaining.size() - assigned);
            }
            Map<Long, CompletableFuture<SchemaAnswer>> calls = new LinkedHashMap<>();
            byNode.forEach((node, owned) -> {
                List<Long> ids = new ArrayList<>(owned.size());
                for (ShardLocation shard : owned) {
                    ids.add(shard.shardId());
                }
                SchemaQuestion q = question.about(ids);
                calls.put(node, byNode.size() == 1 ? call(() -> replicas.node(node).schema(q))
                        : CompletableFuture.supplyAsync(() -> replicas.node(node).schema(q), executor));
            });
            List<ShardLocation> retry = new ArrayList<>();
            for (Map.Entry<Long, CompletableFuture<SchemaAnswer>> call : calls.entrySet()) {
                long node = call.getKey();
                try {
                    answers.add(call.getValue().join());
                    replicas.record(node, null);
                } catch (CompletionException e) {
                    ShardlineException se = ShardlineException.wrap(e.getCause(), ErrorCode.INTERNAL,
                            "schema query on node " + node);
                    if (!Replicas.failover(se) || onlyNode != 0) {
                        throw se;
                    }
                    replicas.record(node, se);
                    failed.add(node);
                    retry.addAll(byNode.get(node));
                }
            }
            remaining = retry;
        }
        // one owner answered (every shard local, or one peer): its answer is merged already and nobody else's
        return answers.size() == 1 ? answers.get(0) : SchemaAnswer.merge(answers);
    }

    /** Runs a single call on this thread, as a future like the parallel ones. */
    private static CompletableFuture<SchemaAnswer> call(java.util.function.Supplier<SchemaAnswer> call) {
        try {
            return CompletableFuture.completedFuture(call.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Map<Long, List<ShardLocation>> assign(List<ShardLocation> todo, Set<Long> failed) {
        Map<Long, List<ShardLocation>> byNode = new LinkedHashMap<>();
        for (ShardLocation shard : todo) {
            for (long node : replicas.order(shard, onlyNode)) {
                if (!failed.contains(node)) {
                    byNode.computeIfAbsent(node, n -> new ArrayList<>()).add(shard);
                    break;
                }
            }
        }
        return byNode;
    }

    /** Field types and tag keys of {@code names}; measurements that do not exist are absent. */
    Map<String, SchemaAnswer.Description> describe(List<String> names) {
        return names.isEmpty() ? Map.of() : ask(SchemaQuestion.describe(names)).descriptions();
    }

    @Override
    public Set<String> measurements() {
        return measurements(null);
    }

    @Override
    public Set<String> measurements(Expr condition) {
        return ask(SchemaQuestion.measurements(condition)).names();
    }

    @Override
    public List<SeriesKey> series(String measurement) {
        return series(measurement, null);
    }

    @Override
    public List<SeriesKey> series(String measurement, Expr condition) {
        List<SeriesKey> out = new ArrayList<>(ask(SchemaQuestion.series(measurement, condition)).series());
        out.sort((a, b) -> Utf8Order.compare(a.toString(), b.toString()));
        return out;
    }

    /** One question per shard, so a series is counted in every shard that holds it. */
    @Override
    public List<List<SeriesKey>> seriesPerShard(String measurement, Expr condition) {
        List<List<SeriesKey>> out = new ArrayList<>();
        for (ShardLocation shard : shards) {
            out.add(new ClusterSchema(List.of(shard), onlyNode, replicas, executor).series(measurement, condition));
        }
        return out;
    }

    @Override
    public Map<String, FieldType> fieldTypes(String measurement) {
        SchemaAnswer.Description d = describe(List.of(measurement)).get(measurement);
        return d == null ? Map.of() : d.fields();
    }

    @Override
    public Set<String> tagKeys(String measurement, Expr condition) {
        return ask(SchemaQuestion.tagKeys(measurement, condition)).names();
    }

    @Override
    public Map<String, Set<String>> tagValues(String measurement, Collection<String> keys, Expr condition) {
        return ask(SchemaQuestion.tagValues(measurement, List.copyOf(keys), condition)).tagValues();
    }
}
