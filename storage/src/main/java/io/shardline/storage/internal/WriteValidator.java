package io.shardline.storage.internal;

import io.shardline.model.FieldType;
import io.shardline.model.Point;
import io.shardline.model.ReservedTimeKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The functional core of a shard write: applies 1.x's per-point rules in order ({@code time} tag and
 * fields, the series gate for limits over the batch, then field type conflicts against the shard's
 * types and earlier points of the same batch) and reports the survivors, the new field types and the drops.
 * Stateless; the store supplies its schema and gate.
 */
public final class WriteValidator {

    /** The field types already fixed in the shard. */
    @FunctionalInterface
    public interface Schema {
        /** The type of {@code field} in {@code measurement}, or null if it has none yet. */
        FieldType fieldType(String measurement, String field);
    }

    /** Admits the batch's series (the store may create them). */
    @FunctionalInterface
    public interface SeriesGate {
        Admission admit(List<Point> points);
    }

    /**
     * A drop reason or null per point, and the reason the batch reports when any point was dropped
     * for a limit (1.x reports it in preference to every other reason of the batch).
     */
    public record Admission(String[] reasons, String batchReason) {
    }

    /** A field of a measurement. */
    public record MeasurementField(String measurement, String field) {
    }

    /**
     * The survivors in batch order, the types this batch fixes, the drops, and 1.x's {@code fieldsCreate} count:
     * per accepted point, its fields the shard did not know before the batch (so a new field in three points of
     * one batch counts three times, as 1.6.7's shard counts it).
     */
    public record Outcome(List<Point> accepted, Map<MeasurementField, FieldType> newFields, int dropped,
                          String firstReason, int fieldsCreated) {
    }

    private WriteValidator() {
    }

    /**
     * Validates {@code points} in order: reserved keys first, then the series limits over the whole
     * batch, then field types (as 1.x creates series before it checks fields).
     */
    public static Outcome validate(List<Point> points, Schema schema, SeriesGate gate) {
        List<Point> checked = new ArrayList<>(points.size());
        String[] reasons = new String[points.size()];
        for (int i = 0; i < reasons.length; i++) {
            ReservedTimeKey.Outcome o = ReservedTimeKey.check(points.get(i));
            reasons[i] = o.dropReason();
            if (reasons[i] == null) {
                checked.add(o.point());
            }
        }
        Admission admission = gate.admit(checked);
        String[] limits = admission.reasons();
        List<Point> accepted = new ArrayList<>(checked.size());
        Map<MeasurementField, FieldType> newFields = new HashMap<>();
        int dropped = 0;
        int fieldsCreated = 0;
        String first = null;
        for (int i = 0, c = 0; i < reasons.length; i++) {
            String reason = reasons[i];
            Point p = reason == null ? checked.get(c) : null;
            if (reason == null) {
                reason = limits[c++];
            }
            if (reason == null) {
                reason = checkTypes(p, schema, newFields);
            }
            if (reason != null) {
                dropped++;
                first = first == null ? reason : first;
                continue;
            }
            fieldsCreated += recordNewFields(p, schema, newFields);
            accepted.add(p);
        }
        return new Outcome(accepted, newFields, dropped, admission.batchReason() != null ? admission.batchReason() : first,
                fieldsCreated);
    }

    /** The 1.x type conflict text. */
    public static String conflictMessage(String field, String measurement, FieldType input, FieldType existing) {
        return "field type conflict: input field \"" + field + "\" on measurement \"" + measurement + "\" is type "
                + input.influxName() + ", already exists as type " + existing.influxName();
    }

    private static String checkTypes(Point p, Schema schema, Map<MeasurementField, FieldType> newFields) {
        String m = p.measurement();
        for (int i = 0; i < p.fieldCount(); i++) {
            FieldType existing = schema.fieldType(m, p.fieldKey(i));
            if (existing == null && !newFields.isEmpty()) {
                existing = newFields.get(new MeasurementField(m, p.fieldKey(i)));
            }
            if (existing != null && existing != p.fieldType(i)) {
                return conflictMessage(p.fieldKey(i), m, p.fieldType(i), existing);
            }
        }
        return null;
    }

    /** Records the point's fields the shard does not know yet; returns how many there are. */
    private static int recordNewFields(Point p, Schema schema, Map<MeasurementField, FieldType> newFields) {
        String m = p.measurement();
        int unknown = 0;
        for (int i = 0; i < p.fieldCount(); i++) {
            if (schema.fieldType(m, p.fieldKey(i)) == null) {
                newFields.putIfAbsent(new MeasurementField(m, p.fieldKey(i)), p.fieldType(i));
                unknown++;
            }
        }
        return unknown;
    }
}
