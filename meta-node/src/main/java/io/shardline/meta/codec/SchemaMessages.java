package io.shardline.meta.codec;

import io.shardline.meta.state.MetaCommand;
import io.shardline.meta.state.RetentionPolicySpec;
import io.shardline.proto.meta.AlterRetentionPolicy;
import io.shardline.proto.meta.CreateDatabase;
import io.shardline.proto.meta.CreateRetentionPolicy;
import io.shardline.proto.meta.RetentionPolicySpecMessage;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The database and retention-policy commands, whose optional fields need proto3 presence. Stateless;
 * shared by the Raft log codec and the MetaService (which receives the same messages).
 */
public final class SchemaMessages {

    private SchemaMessages() {
    }

    public static RetentionPolicySpecMessage encode(RetentionPolicySpec spec) {
        RetentionPolicySpecMessage.Builder b = RetentionPolicySpecMessage.newBuilder().setName(spec.name())
                .setShardGroupDuration(spec.shardGroupDuration());
        spec.duration().ifPresent(b::setDuration);
        spec.replicaN().ifPresent(b::setReplicaN);
        return b.build();
    }

    public static RetentionPolicySpec decode(RetentionPolicySpecMessage m) {
        return new RetentionPolicySpec(m.getName(),
                m.hasDuration() ? OptionalLong.of(m.getDuration()) : OptionalLong.empty(),
                m.hasReplicaN() ? OptionalInt.of(m.getReplicaN()) : OptionalInt.empty(), m.getShardGroupDuration());
    }

    public static CreateDatabase encode(MetaCommand.CreateDatabase c) {
        CreateDatabase.Builder b = CreateDatabase.newBuilder().setName(c.name())
                .setRetentionAutoCreate(c.retentionAutoCreate());
        c.retentionPolicy().ifPresent(spec -> b.setRetentionPolicy(encode(spec)));
        return b.build();
    }

    public static MetaCommand.CreateDatabase decode(CreateDatabase m) {
        return new MetaCommand.CreateDatabase(m.getName(),
                m.hasRetentionPolicy() ? Optional.of(decode(m.getRetentionPolicy())) : Optional.empty(),
                m.getRetentionAutoCreate());
    }

    public static CreateRetentionPolicy encode(MetaCommand.CreateRetentionPolicy c) {
        return CreateRetentionPolicy.newBuilder().setDatabase(c.database()).setSpec(encode(c.spec()))
                .setMakeDefault(c.makeDefault()).build();
    }

    public static MetaCommand.CreateRetentionPolicy decode(CreateRetentionPolicy m) {
        return new MetaCommand.CreateRetentionPolicy(m.getDatabase(), decode(m.getSpec()), m.getMakeDefault());
    }

    public static AlterRetentionPolicy encode(MetaCommand.AlterRetentionPolicy c) {
        AlterRetentionPolicy.Builder b = AlterRetentionPolicy.newBuilder().setDatabase(c.database()).setName(c.name())
                .setMakeDefault(c.makeDefault());
        c.newName().ifPresent(b::setNewName);
        c.duration().ifPresent(b::setDuration);
        c.replicaN().ifPresent(b::setReplicaN);
        c.shardGroupDuration().ifPresent(b::setShardGroupDuration);
        return b.build();
    }

    public static MetaCommand.AlterRetentionPolicy decode(AlterRetentionPolicy m) {
        return new MetaCommand.AlterRetentionPolicy(m.getDatabase(), m.getName(),
                m.hasNewName() ? Optional.of(m.getNewName()) : Optional.empty(),
                m.hasDuration() ? OptionalLong.of(m.getDuration()) : OptionalLong.empty(),
                m.hasReplicaN() ? OptionalInt.of(m.getReplicaN()) : OptionalInt.empty(),
                m.hasShardGroupDuration() ? OptionalLong.of(m.getShardGroupDuration()) : OptionalLong.empty(),
                m.getMakeDefault());
    }
}
