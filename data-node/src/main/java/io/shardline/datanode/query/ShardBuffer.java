package io.shardline.datanode.query;

import io.shardline.query.exec.PartialGroup;
import io.shardline.query.exec.RawRow;
import io.shardline.query.exec.ShardResultSink;
import java.util.ArrayList;
import java.util.List;

/**
 * One attempt's result for one shard, kept until the shard is complete: if the owner fails midway the attempt
 * is dropped whole and another owner is asked, so nothing is merged twice. Filled by one thread, then read by
 * the coordinator.
 */
final class ShardBuffer implements ShardResultSink {

    final List<RawRow> rows = new ArrayList<>();
    final List<PartialGroup> partials = new ArrayList<>();

    @Override
    public void rows(List<RawRow> r) {
        rows.addAll(r);
    }

    @Override
    public void partials(List<PartialGroup> p) {
        partials.addAll(p);
    }
}
