package io.shardline.storage.rocks;

import io.shardline.model.FieldType;
import io.shardline.storage.internal.ByteSink;
import io.shardline.storage.internal.ByteSource;
import io.shardline.storage.internal.FieldTypeCodes;
import io.shardline.storage.internal.Utf8Order;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fields of a shard: id, measurement, key and the type fixed by the first write. Ids are never
 * reused, so values of a forgotten field (after its measurement was dropped) are simply ignored.
 * Immutable: adding fields gives a new catalog, readers keep the one they started with.
 */
final class FieldCatalog {

    /** One field. */
    record FieldInfo(int id, String measurement, String field, FieldType type) {
    }

    static final FieldCatalog EMPTY = new FieldCatalog(Map.of(), Map.of());

    private final Map<String, Map<String, FieldInfo>> byMeasurement;
    private final Map<Integer, FieldInfo> byId;
    /** {@link #types} of the measurements asked so far. */
    private final Map<String, Map<String, FieldType>> types = new ConcurrentHashMap<>();

    private FieldCatalog(Map<String, Map<String, FieldInfo>> byMeasurement, Map<Integer, FieldInfo> byId) {
        this.byMeasurement = byMeasurement;
        this.byId = byId;
    }

    FieldInfo get(String measurement, String field) {
        Map<String, FieldInfo> m = byMeasurement.get(measurement);
        return m == null ? null : m.get(field);
    }

    FieldType type(String measurement, String field) {
        FieldInfo f = get(measurement, field);
        return f == null ? null : f.type();
    }

    FieldInfo byId(int id) {
        return byId.get(id);
    }

    boolean contains(int id) {
        return byId.containsKey(id);
    }

    /** The fields of {@code measurement} in key order. */
    List<FieldInfo> fields(String measurement) {
        Map<String, FieldInfo> m = byMeasurement.get(measurement);
        if (m == null) {
            return List.of();
        }
        List<FieldInfo> out = new ArrayList<>(m.values());
        out.sort((a, b) -> Utf8Order.compare(a.field(), b.field()));
        return out;
    }

    /**
     * The field types of {@code measurement} by key, in key order; unmodifiable. Built once per measurement and
     * catalog (which never changes), as every SELECT describes its measurement on every shard it reads.
     */
    Map<String, FieldType> types(String measurement) {
        if (!byMeasurement.containsKey(measurement)) {
            return Map.of(); // not kept: the names asked about are the clients' to choose
        }
        return types.computeIfAbsent(measurement, m -> {
            TreeMap<String, FieldType> out = new TreeMap<>(Utf8Order.STRINGS);
            fields(m).forEach(f -> out.put(f.field(), f.type()));
            return Collections.unmodifiableMap(out);
        });
    }

    FieldCatalog with(List<FieldInfo> added) {
        if (added.isEmpty()) {
            return this;
        }
        Map<String, Map<String, FieldInfo>> m = new HashMap<>(byMeasurement);
        Map<Integer, FieldInfo> ids = new HashMap<>(byId);
        for (FieldInfo f : added) {
            Map<String, FieldInfo> fields = new HashMap<>(m.getOrDefault(f.measurement(), Map.of()));
            fields.put(f.field(), f);
            m.put(f.measurement(), fields);
            ids.put(f.id(), f);
        }
        return new FieldCatalog(m, ids);
    }

    FieldCatalog withoutMeasurement(String measurement) {
        Map<String, FieldInfo> gone = byMeasurement.get(measurement);
        if (gone == null) {
            return this;
        }
        Map<String, Map<String, FieldInfo>> m = new HashMap<>(byMeasurement);
        m.remove(measurement);
        Map<Integer, FieldInfo> ids = new HashMap<>(byId);
        gone.values().forEach(f -> ids.remove(f.id()));
        return new FieldCatalog(m, ids);
    }

    /** The measurements having fields. */
    List<String> measurements() {
        return new ArrayList<>(byMeasurement.keySet());
    }

    static byte[] encode(FieldInfo f) {
        ByteSink out = new ByteSink(32);
        out.put(FieldTypeCodes.code(f.type())).putString(f.measurement()).putString(f.field());
        return out.toByteArray();
    }

    static FieldInfo decode(int id, byte[] value) {
        ByteSource in = new ByteSource(value);
        FieldType t = FieldTypeCodes.type(in.get());
        return new FieldInfo(id, in.getString(), in.getString(), t);
    }
}
