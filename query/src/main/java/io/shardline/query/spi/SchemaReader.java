package io.shardline.query.spi;

import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Schema questions about one database, answered across all its shards (the data node merges the answers of
 * the owners it asks). Used to resolve regex sources, expand wildcards, split conditions into tag and field
 * parts, and answer the SHOW statements (see {@link io.shardline.query.exec.ShowExecutor}). Implementations are
 * called from one query thread at a time.
 */
public interface SchemaReader {

    /** The measurement names of the database. */
    Set<String> measurements();

    /** All series keys of {@code measurement} (tag keys and values are derived from them). */
    List<SeriesKey> series(String measurement);

    /**
     * The field keys of {@code measurement} with their types; when shards disagree on a field's type, the
     * implementation reports one (1.x prefers float, then integer, unsigned, string, boolean).
     */
    Map<String, FieldType> fieldTypes(String measurement);
}
