package io.shardline.meta.codec;

import io.shardline.meta.state.MetaCommand;
import io.shardline.proto.meta.AcquireLease;
import io.shardline.proto.meta.CreateContinuousQuery;
import io.shardline.proto.meta.DropContinuousQuery;
import io.shardline.proto.meta.MetaCommandEnvelope;
import io.shardline.proto.meta.RecordContinuousQueryRun;

/** The continuous-query and lease commands as Raft log entries and back. Stateless. */
public final class ContinuousQueryMessages {

    private ContinuousQueryMessages() {
    }

    /** Sets the command on {@code b}; false if {@code command} is not one of these commands. */
    static boolean encode(MetaCommand command, MetaCommandEnvelope.Builder b) {
        if (command instanceof MetaCommand.CreateContinuousQuery c) {
            b.setCreateContinuousQuery(encode(c));
        } else if (command instanceof MetaCommand.DropContinuousQuery c) {
            b.setDropContinuousQuery(DropContinuousQuery.newBuilder().setDatabase(c.database()).setName(c.name()));
        } else if (command instanceof MetaCommand.RecordContinuousQueryRun c) {
            b.setRecordContinuousQueryRun(RecordContinuousQueryRun.newBuilder().setDatabase(c.database())
                    .setName(c.name()).setNodeId(c.nodeId()).setLastRun(c.lastRun()).setNow(c.now()));
        } else if (command instanceof MetaCommand.AcquireLease c) {
            b.setAcquireLease(AcquireLease.newBuilder().setName(c.name()).setNodeId(c.nodeId()).setNow(c.now())
                    .setDuration(c.duration()));
        } else {
            return false;
        }
        return true;
    }

    static CreateContinuousQuery encode(MetaCommand.CreateContinuousQuery c) {
        return CreateContinuousQuery.newBuilder().setDatabase(c.database()).setName(c.name()).setQuery(c.query())
                .build();
    }

    public static MetaCommand.CreateContinuousQuery decode(CreateContinuousQuery m) {
        return new MetaCommand.CreateContinuousQuery(m.getDatabase(), m.getName(), m.getQuery());
    }

    public static MetaCommand.DropContinuousQuery decode(DropContinuousQuery m) {
        return new MetaCommand.DropContinuousQuery(m.getDatabase(), m.getName());
    }

    /** The command in {@code e}, or null if it holds another command. */
    static MetaCommand decode(MetaCommandEnvelope e) {
        return switch (e.getCommandCase()) {
            case CREATE_CONTINUOUS_QUERY -> decode(e.getCreateContinuousQuery());
            case DROP_CONTINUOUS_QUERY -> decode(e.getDropContinuousQuery());
            case RECORD_CONTINUOUS_QUERY_RUN -> {
                RecordContinuousQueryRun r = e.getRecordContinuousQueryRun();
                yield new MetaCommand.RecordContinuousQueryRun(r.getDatabase(), r.getName(), r.getNodeId(),
                        r.getLastRun(), r.getNow());
            }
            case ACQUIRE_LEASE -> new MetaCommand.AcquireLease(e.getAcquireLease().getName(),
                    e.getAcquireLease().getNodeId(), e.getAcquireLease().getNow(), e.getAcquireLease().getDuration());
            default -> null;
        };
    }
}
