package io.shardline.query.plan;

import io.shardline.model.FieldType;
import io.shardline.query.ast.VarRef;
import java.util.Map;
import java.util.Set;

/** The field keys (with types) and tag keys of one measurement, as the schema seam reports them. Immutable. */
public record MeasurementSchema(String name, Map<String, FieldType> fields, Set<String> tagKeys) {

    public MeasurementSchema {
        fields = Map.copyOf(fields);
        tagKeys = Set.copyOf(tagKeys);
    }

    /**
     * Whether {@code ref} denotes a field here: {@code ::tag} never, {@code ::field} and value casts always,
     * otherwise when a field of that name exists (1.x treats unknown names in WHERE as tags).
     */
    public boolean isField(VarRef ref) {
        return switch (ref.type()) {
            case TAG -> false;
            case UNKNOWN -> fields.containsKey(ref.name());
            default -> true;
        };
    }
}
